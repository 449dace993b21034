# Shape tuples indexed within their rank, from the end, and sliced past it (a slice never raises).
import numpy as np
import keras
from keras import layers


class PerChannel(layers.Layer):
    def build(self, input_shape):
        self.scale = self.add_weight(shape=(input_shape[-1],), initializer="ones")
        self.rows = input_shape[1]
        self.extra = input_shape[1:9]

    def call(self, x):
        return x * self.scale


data = np.zeros((10, 12, 12, 3))
inp = keras.Input(data.shape[1:])
x = PerChannel()(inp)
x = layers.Conv2D(data.shape[3], 3)(x)
model = keras.Model(inp, layers.Dense(x.shape[-1] * 2)(layers.Flatten()(x)))
