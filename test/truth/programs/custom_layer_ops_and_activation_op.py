import keras
from keras import layers


class ChannelPool(layers.Layer):
    def __init__(self, axis=-1, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.axis = axis
        self.concat = layers.Concatenate(axis=self.axis)

    def call(self, inputs):
        a = keras.ops.expand_dims(keras.ops.mean(inputs, axis=-1), axis=-1)
        b = keras.ops.expand_dims(keras.ops.max(inputs, axis=-1), axis=-1)
        return self.concat([a, b])


inp = keras.Input(shape=(None, None, 3))
f = ChannelPool(axis=-1)(inp)
f = layers.Conv2D(1, 1)(f)
f = keras.activations.sigmoid(f)
out = inp * f
m = keras.Model(inp, out)
