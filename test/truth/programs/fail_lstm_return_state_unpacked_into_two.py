# LSTM(return_state=True) returns [output, state_h, state_c]: unpacking it into two names is Python's ValueError.
import keras
from keras import layers

inp = keras.Input((12, 3))
out, state = layers.LSTM(16, return_state=True)(inp)
model = keras.Model(inp, [out, state])
