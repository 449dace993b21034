"""The custom layer calling `super().__init__()` first, as Keras asks."""
import keras
from keras import layers


class Scaled(layers.Layer):
    def __init__(self, units):
        super().__init__()
        self.units = units
        self.dense = layers.Dense(units)

    def call(self, x):
        return self.dense(x) * 2.0


inputs = keras.Input((4,))
outputs = Scaled(3)(inputs)
model = keras.Model(inputs, outputs)
