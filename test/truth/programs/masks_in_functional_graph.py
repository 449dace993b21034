# Masks in a functional model: Embedding(mask_zero=True) and Masking compute
# them with ops that summary() lists; masking-aware layers pass them on, and
# layers whose call takes `mask` receive them.
import keras
from keras import layers, ops


class Scale(layers.Layer):
    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.supports_masking = True

    def call(self, x):
        return x * 2.0


class MaskedMean(layers.Layer):
    def call(self, x, mask=None):
        weights = ops.expand_dims(ops.cast(mask, "float32"), -1)
        return ops.sum(x * weights, axis=1) / ops.sum(weights, axis=1)


tokens = keras.Input(shape=(None,), dtype="int32")
x = layers.Embedding(input_dim=1000, output_dim=8, mask_zero=True)(tokens)
x = Scale()(x)
x = layers.Dense(12)(x)
x = layers.LSTM(6, return_sequences=True)(x)
pooled = MaskedMean()(x)
text_model = keras.Model(tokens, layers.Dense(2)(pooled))

series = keras.Input(shape=(20, 3))
y = layers.Masking(mask_value=0.0)(series)
y = layers.GRU(4)(y)
series_model = keras.Model(series, y)
