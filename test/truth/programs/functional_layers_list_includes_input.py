# A functional model's layers list starts with its InputLayer: layers[-2] and layers[2]
# are counted from there when a model is cut to make another.
import keras
from keras import layers
inp = keras.Input((32, 32, 3))
x = layers.Conv2D(8, 3, activation="relu")(inp)
x = layers.Flatten()(x)
out = layers.Dense(10)(x)
base = keras.Model(inp, out)
feat = keras.Model(base.input, base.layers[-2].output)
head = keras.Model(base.inputs, layers.Dense(3)(base.layers[2].output))
