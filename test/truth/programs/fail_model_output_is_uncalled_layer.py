# The output layer was made but never called on a tensor: keras.Model gets a layer where a tensor belongs.
import keras
from keras import layers

inp = keras.Input((4,))
x = layers.Dense(8, activation="relu")(inp)
out = layers.Dense(1)
model = keras.Model(inp, out)
