"""A custom layer whose __init__ forgets `super().__init__()`: Keras refuses the first attribute it sets."""
import keras
from keras import layers


class Scaled(layers.Layer):
    def __init__(self, units):
        self.units = units
        self.dense = layers.Dense(units)

    def call(self, x):
        return self.dense(x) * 2.0


inputs = keras.Input((4,))
outputs = Scaled(3)(inputs)
model = keras.Model(inputs, outputs)
