# Keras 2's save_format="tf" is refused by Keras 3.
import keras
from keras import layers

inputs = keras.Input(shape=(16,))
outputs = layers.Dense(3, activation="softmax")(inputs)
model = keras.Model(inputs, outputs)
model.save("exported", save_format="tf")
