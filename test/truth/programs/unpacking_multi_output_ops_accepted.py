# Unpacking what multi-output ops and recurrent layers return, each into as many names as Keras gives: no error.
import keras
from keras import layers, ops

x = keras.Input((8, 12))
a, b, c = ops.split(x, 3, axis=-1)
d, e = ops.split(x, [4], axis=1)
u1, u2, u3, u4, u5, u6, u7, u8 = ops.unstack(x, axis=1)
vals, idx = ops.top_k(x, 3)
q, r = ops.linalg.qr(ops.reshape(x, (-1, 8, 12)))
gx, gy = ops.meshgrid(ops.arange(3), ops.arange(4))
h1, h2 = layers.GRU(4, return_state=True)(x)
o, fh, bh = layers.Bidirectional(layers.GRU(4, return_state=True))(x)
s1, s2 = ops.split(x, 2)
lo, hi = ops.unstack(ops.ones((2, 5)))
out = layers.Concatenate()([a, b, c])
model = keras.Model(x, [out, d, e, u1, vals, h1, o, fh, bh])
