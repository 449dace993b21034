# Comparisons spelled with two words (is not, not in) decide branches: a custom layer
# built with or without a mask variable, passed on to an inner layer.
import keras
from keras import layers, ops


class Inner(layers.Layer):
    def call(self, x, mask=None):
        if mask is not None:
            n = mask.shape[0]
            x = ops.reshape(x, (-1, n, 4))
        return x


class Outer(layers.Layer):
    def __init__(self, shift, **kwargs):
        super().__init__(**kwargs)
        self.shift = shift
        self.inner = Inner()

    def build(self, input_shape):
        if self.shift == 0:
            self.attn_mask = None
        else:
            self.attn_mask = keras.Variable(initializer=keras.ops.zeros((3, 4)), trainable=False)

    def call(self, x):
        return self.inner(x, mask=self.attn_mask)


inp = keras.Input((6, 4))
out = Outer(0)(inp)
out = Outer(1)(out)
model = keras.Model(inp, out)
