# Subclassed models with a call from a base class, or a functional graph, are called without error (a class with only compute_output_shape is defined, not called).
import keras
from keras import layers

class Base(keras.Model):
    def call(self, x):
        return self.d(x)

class Child(Base):
    def __init__(self):
        super().__init__()
        self.d = layers.Dense(3)

class Func(keras.Model):
    def __init__(self):
        i = keras.Input((4,))
        super().__init__(i, layers.Dense(2)(i))

class Shaped(keras.Model):
    def compute_output_shape(self, s):
        return s

x = keras.Input((4,))
a = Child()(x)
b = Func()(x)
m = keras.Model(x, [a, b])
