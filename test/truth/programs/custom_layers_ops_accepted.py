# What Keras accepts around the checks on ops and layer keywords: matmul with a 1-D side and broadcast batch axes, concatenate on open axes, Layer keywords passed on.
import keras
from keras import layers, ops


class Mix(layers.Layer):
    def __init__(self, units, **kwargs):
        super().__init__(**kwargs)
        self.units = units

    def build(self, input_shape):
        self.w = self.add_weight(shape=(input_shape[-1], self.units))
        self.v = self.add_weight(shape=(self.units,))

    def call(self, x):
        y = ops.matmul(x, self.w)
        z = ops.matmul(y, self.v)
        return ops.concatenate([y, ops.expand_dims(z, -1)], axis=-1)


a = keras.Input((5, 8))
out = Mix(4, name="mix", dtype="float32", trainable=True)(a)
b = keras.Input((None, 3))
c = keras.Input((7, 3))
both = ops.concatenate([b, c], axis=1)
scores = ops.matmul(a, ops.transpose(a, (0, 2, 1)))
model = keras.Model([a, b, c], [out, both, scores])
