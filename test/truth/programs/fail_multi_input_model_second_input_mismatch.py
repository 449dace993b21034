# A two-input model called with a second input of another width: the error names input 1.
import keras
from keras import layers
a = keras.Input((32,))
b = keras.Input((8,))
base = keras.Model([a, b], layers.Concatenate()([a, b]))
c = keras.Input((32,))
d = keras.Input((16,))
model = keras.Model([c, d], base([c, d]))
