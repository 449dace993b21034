# A helper that names its layer, called twice: two layers named alike in one functional model.
import keras
from keras import layers
def block(x):
    return layers.Dense(8, name="hidden")(x)
inp = keras.Input((4,))
x = block(inp)
x = block(x)
model = keras.Model(inp, x)
