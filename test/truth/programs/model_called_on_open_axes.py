# A model with open spatial axes called on fixed ones; a last axis of 1 against 3 is compared after Keras drops the 1.
import keras
from keras import layers
a = keras.Input((None, None, 3))
base = keras.Model(a, layers.Conv2D(4, 3)(a))
b = keras.Input((64, 48, 3))
model = keras.Model(b, base(b))
c = keras.Input((64, 48, 1))
y = base(c)
