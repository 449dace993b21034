# ops.concatenate along axis 0 of tensors that differ on another axis.
import keras
from keras import layers
class Two(layers.Layer):
    def call(self, a, b):
        return keras.ops.concatenate([a, b], axis=0)
x = keras.Input((4,))
y = keras.Input((5,))
out = Two()(x, y)
model = keras.Model([x, y], out)
