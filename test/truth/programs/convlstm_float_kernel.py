# A kernel size computed with `/` is a float: Keras keeps (3.0,) and refuses it
# when the kernel weight is made, at the layer's build.
import keras
from keras import layers

window = 6 / 2
inputs = keras.Input(shape=(10, 32, 2))
x = layers.ConvLSTM1D(8, kernel_size=(window,), padding="same")(inputs)
x = layers.Flatten()(x)
outputs = layers.Dense(1)(x)
model = keras.Model(inputs, outputs)
