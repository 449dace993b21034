# Two Inputs given one name.
import keras
from keras import layers
a = keras.Input((4,), name="x")
b = keras.Input((4,), name="x")
out = layers.Add()([a, b])
model = keras.Model([a, b], out)
