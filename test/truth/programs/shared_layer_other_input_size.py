# A layer keeps the weights of its first call. Called again on inputs of
# another rank but the same last axis it works; on another last axis Keras
# refuses (the input spec its build set).
import keras
from keras import layers

shared = layers.Dense(4)
a = keras.Input((8,))
b = keras.Input((3, 8))
x = shared(a)
y = shared(b)
model = keras.Model([a, b], [x, y])

c = keras.Input((16,))
z = shared(c)
