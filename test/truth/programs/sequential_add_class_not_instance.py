# Adding the layer class instead of an instance: Keras raises at the add.
import keras
from keras import layers

model = keras.Sequential()
model.add(keras.Input(shape=(8,)))
model.add(layers.Dense(4))
model.add(layers.Flatten)
