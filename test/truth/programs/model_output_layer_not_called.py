# The output given to Model is a layer never called on a tensor: Keras refuses it.
import keras
from keras import layers

inputs = keras.Input(shape=(8,))
hidden = layers.Dense(16, activation="relu")(inputs)
outputs = layers.Dense(1)
model = keras.Model(inputs, outputs)
