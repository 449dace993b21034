# A Sequential without an input is built by its first call; a later call of another rank breaks its input spec.
import keras
from keras import layers
seq = keras.Sequential([layers.Dense(8), layers.Dense(2)])
inp = keras.Input((16,))
model = keras.Model(inp, seq(inp))
inp2 = keras.Input((5, 16))
model2 = keras.Model(inp2, seq(inp2))
