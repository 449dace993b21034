# A Sequential built from input_shape=, then called on another width.
import keras
from keras import layers
seq = keras.Sequential([layers.Dense(8, input_shape=(32,)), layers.Dense(2)])
inp = keras.Input((16,))
model = keras.Model(inp, seq(inp))
