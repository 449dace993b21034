"""Keras's automatic names: each Sequential build draws a `functional` name (and an `input_layer` one
when it makes its own InputLayer), MultiHeadAttention draws `softmax` and `dropout` when built, and
ops inside a custom layer's call draw none."""
import keras
from keras import layers, ops

a = keras.Sequential([keras.Input((8,)), layers.Dense(4)])
b = keras.Sequential()
b.add(keras.Input((8,)))
b.add(layers.Dense(4))
b.add(layers.Dense(2))
c = keras.Sequential([layers.Dense(3, input_shape=(5,)), layers.Dense(2)])
d = keras.Sequential([layers.Dense(3), layers.Dense(2)])
x_in = keras.Input((6,))
y = d(x_in)
f = keras.Model(x_in, y)


class Scale(layers.Layer):
    def call(self, x):
        return x * 2.0 + ops.ones_like(x)


seq = keras.Input((10, 16))
att = layers.MultiHeadAttention(num_heads=2, key_dim=8)(seq, seq)
s = Scale()(att)
s = layers.Dropout(0.1)(s)
s = layers.Softmax()(s)
s = s + att
g = keras.Model(seq, s)

att2 = layers.MultiHeadAttention(num_heads=2, key_dim=4, name="named_attention")
k = keras.Model(seq, layers.Dropout(0.2)(att2(seq, seq)))
h = keras.Sequential([layers.Dense(2)], name="after")
h2 = keras.Sequential([keras.Input((3,)), layers.Dense(2)])
h2.pop()
h2.add(layers.Dense(5))
m = keras.Model(x_in, layers.Dense(1)(y))
