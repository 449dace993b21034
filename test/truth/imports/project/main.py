import keras
from keras import layers
from nets.blocks import conv_block

inputs = keras.Input(shape=(32, 32, 3))
x = conv_block(inputs, 16)
x = conv_block(x, 32)
x = layers.Flatten()(x)
outputs = layers.Dense(10, activation="softmax")(x)
model = keras.Model(inputs, outputs)
