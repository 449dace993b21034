# A functional model built on open axes, called on inputs whose shapes fill
# them in: Keras runs its graph again on the new shapes (symbolically, and
# eagerly on data, where the call records no node and the result has the data's batch).
import keras
import numpy as np
from keras import layers

seq_in = keras.Input((None, 8))
h = layers.LayerNormalization()(seq_in)
h = layers.Dense(8)(h) + seq_in
block = keras.Model(seq_in, h, name="block")

inputs = keras.Input((7, 8))
x = block(inputs)
x = layers.Flatten()(x)
outputs = layers.Dense(3)(x)
model = keras.Model(inputs, outputs)

pair_a = keras.Input((None, 4))
pair_b = keras.Input((None, 4))
merged = layers.Concatenate(axis=1)([pair_a, pair_b])
pair = keras.Model([pair_a, pair_b], layers.Dense(2)(merged), name="pair")

left = keras.Input((5, 4))
right = keras.Input((6, 4))
joined = pair([left, right])
user = keras.Model([left, right], layers.GlobalAveragePooling1D()(joined))

eager = block(np.zeros((2, 9, 8), dtype="float32"))
head = layers.Dense(4)
head(eager)
