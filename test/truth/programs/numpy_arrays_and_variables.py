# NumPy arrays built and reshaped with NumPy's own functions and methods, and a
# keras.Variable made from one: a layer holding the variable counts it among its
# weights (here a non-trainable relative position index, as in Swin).
import keras
import numpy as np
from keras import layers, ops


class RelativeBias(layers.Layer):
    def __init__(self, window, heads, **kwargs):
        super().__init__(**kwargs)
        self.window = window
        span = (2 * window - 1) ** 2
        self.table = self.add_weight(shape=(span, heads), initializer="zeros", trainable=True)
        coords = np.stack(np.meshgrid(np.arange(window), np.arange(window), indexing="ij"))
        flat = coords.reshape(2, -1)
        relative = flat[:, :, None] - flat[:, None, :]
        relative = relative.transpose([1, 2, 0])
        relative[:, :, 0] += window - 1
        index = relative.sum(-1)
        self.index = keras.Variable(initializer=index, shape=index.shape, dtype="int", trainable=False)

    def call(self, x):
        n = self.window * self.window
        bias = ops.take(self.table, ops.reshape(self.index, (-1,)), axis=0)
        bias = ops.reshape(bias, (n, n, -1))
        return x + ops.transpose(bias, (2, 0, 1))


inputs = keras.Input((4, 9, 9))
outputs = RelativeBias(3, 4)(inputs)
model = keras.Model(inputs, outputs)
