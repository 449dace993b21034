# Sizes derived with Python's math module, as model code often does:
# a square grid from a number of patches, a rounded-up length, a log2 depth.
import math

import keras
from keras import layers

num_patches = 64
inputs = keras.Input((num_patches, 16))
_, n, channels = inputs.shape
side = int(math.sqrt(n))
x = layers.Reshape((side, side, channels))(inputs)
x = layers.Conv2D(4, 3, padding="same")(x)
depth = int(math.log2(side))
for _ in range(depth - 1):
    x = layers.MaxPooling2D()(x)
x = layers.Flatten()(x)
x = layers.Dense(math.ceil(100 / 3))(x)
x = layers.Dense(math.floor(math.pi * 10))(x)
model = keras.Model(inputs, x)
