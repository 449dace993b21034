# A layer's build reads input_shape[2] of a 2-D input: the shape tuple has two items.
import keras
from keras import layers
class Proj(layers.Layer):
    def __init__(self, units):
        super().__init__()
        self.units = units
    def build(self, input_shape):
        self.w = self.add_weight(shape=(input_shape[2], self.units))
    def call(self, x):
        return keras.ops.matmul(x, self.w)
inp = keras.Input((8,))
model = keras.Model(inp, Proj(4)(inp))
