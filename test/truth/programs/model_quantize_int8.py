# model.quantize("int8"): Dense, EinsumDense and Embedding layers keep an int8
# kernel and a per-output scale (per-row for Embedding), both non-trainable.
import keras
from keras import layers

inputs = keras.Input((10,))
x = layers.Dense(32, activation="relu")(inputs)
x = layers.Dropout(0.1)(x)
outputs = layers.Dense(4, use_bias=False)(x)
model = keras.Model(inputs, outputs)
model.quantize("int8")

text = keras.Sequential(
    [
        keras.Input((5,), dtype="int32"),
        layers.Embedding(100, 8),
        layers.EinsumDense("abc,cd->abd", output_shape=(None, 6), bias_axes="d"),
    ]
)
text.quantize("int8")
