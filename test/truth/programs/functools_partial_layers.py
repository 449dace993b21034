import functools
from functools import partial

import keras
from keras import layers

DefaultConv2D = functools.partial(layers.Conv2D, kernel_size=3, padding="same", activation="relu")
Pool = partial(layers.MaxPooling2D, 2)

model = keras.Sequential([
    keras.Input(shape=(28, 28, 1)),
    DefaultConv2D(filters=64, kernel_size=7),
    Pool(),
    DefaultConv2D(filters=128),
    DefaultConv2D(128, strides=2),
    layers.Flatten(),
    layers.Dense(10, activation="softmax"),
])


def block(x, filters, kernel_size=3, strides=1):
    x = layers.Conv2D(filters, kernel_size, strides=strides, padding="same")(x)
    return layers.BatchNormalization()(x)


inputs = keras.Input(shape=(32, 32, 3))
down = partial(block, strides=2)
x = down(inputs, 16)
x = partial(down, filters=32)(x, kernel_size=1)
outputs = layers.GlobalAveragePooling2D()(x)
encoder = keras.Model(inputs, outputs)
