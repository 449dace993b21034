# Models called on inputs that differ only by a trailing axis of 1, or on open (None) axes: accepted.
import keras
from keras import layers
a = keras.Input(shape=(10, 1))
base = keras.Model(a, layers.Flatten()(layers.Dense(4)(a)))
b = keras.Input(shape=(10,))
model = keras.Model(b, base(b))
c = keras.Input(shape=(None, 8))
base2 = keras.Model(c, layers.Dense(2)(c))
d = keras.Input(shape=(5, 8))
model2 = keras.Model(d, base2(d))
e = keras.Input(shape=(10,))
base3 = keras.Model(e, layers.Dense(3)(e))
f = keras.Input(shape=(10, 1))
model3 = keras.Model(f, base3(f))
