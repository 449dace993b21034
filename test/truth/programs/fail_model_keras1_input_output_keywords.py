# Keras 1 spelled the functional model's arguments input= and output=; Keras 3 refuses them.
import keras
from keras import layers
x = keras.Input((4,))
y = layers.Dense(2)(x)
m = keras.Model(input=x, output=y)
