# Inside a subclassed model's traced call, the row of a layer shows
# compute_output_shape of its build shapes: a custom layer with both build and
# compute_output_shape shows a shape, one without compute_output_shape or a
# subclassed model shows none; Lambda and Sequential show theirs.
import keras
from keras import layers


class Inner(keras.Model):
    def __init__(self):
        super().__init__()
        self.d = layers.Dense(3)

    def call(self, x):
        return self.d(x)


class B(layers.Layer):
    def build(self, s):
        self.w = self.add_weight(shape=(s[-1], 2))

    def call(self, x):
        return x @ self.w

    def compute_output_shape(self, s):
        return s[:-1] + (2,)


class C(layers.Layer):
    def build(self, s):
        self.w = self.add_weight(shape=(s[-1], 2))

    def call(self, x):
        return x @ self.w


class Outer(keras.Model):
    def __init__(self):
        super().__init__()
        self.l = layers.Lambda(lambda x: x * 2)
        self.inner = Inner()
        self.b = B()
        self.c = C()
        self.seq = keras.Sequential([layers.Dense(4)])
        self.f = layers.Flatten()

    def call(self, x):
        return self.f(self.c(self.b(self.seq(self.inner(self.l(x))))))


o = Outer()
o(keras.Input((5,)))
