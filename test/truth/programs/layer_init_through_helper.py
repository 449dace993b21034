"""A layer whose __init__ calls Keras's through a method of its own: Keras runs it, no error."""
import keras
from keras import layers


class Scaled(layers.Layer):
    def __init__(self, factor):
        self._setup(factor)

    def _setup(self, factor):
        super().__init__()
        self.factor = factor

    def call(self, x):
        return x * self.factor


inputs = keras.Input(shape=(4,))
outputs = Scaled(2.0)(inputs)
model = keras.Model(inputs, outputs)
