# A custom layer's call computes but never returns: the model gets None as its output.
import keras
from keras import layers
class MyLayer(layers.Layer):
    def call(self, x):
        y = x * 2
inp = keras.Input((4,))
out = MyLayer()(inp)
model = keras.Model(inp, out)
