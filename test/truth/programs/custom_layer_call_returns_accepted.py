# Custom layers whose call returns on every path Keras takes: through a helper, after an early return on a flag, and a pass-through.
import keras
from keras import layers, ops


def double(x):
    return x * 2


class Twice(layers.Layer):
    def call(self, x):
        return double(x)


class Gate(layers.Layer):
    def __init__(self, enabled=True, **kwargs):
        super().__init__(**kwargs)
        self.enabled = enabled

    def call(self, x, training=None):
        if not self.enabled:
            return x
        y = ops.relu(x)
        return y


class Identity(layers.Layer):
    def call(self, x):
        out = x
        return out


inp = keras.Input((6,))
model = keras.Model(inp, Identity()(Gate(enabled=False)(Gate()(Twice()(inp)))))
