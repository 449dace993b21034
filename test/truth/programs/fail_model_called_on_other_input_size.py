# A functional model called on an input whose fixed axis differs from its own Input: Keras's input-spec error.
import keras
from keras import layers
a = keras.Input(shape=(32,))
base = keras.Model(a, layers.Dense(8)(a))
b = keras.Input(shape=(16,))
out = base(b)
model = keras.Model(b, out)
