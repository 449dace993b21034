import keras
from keras import layers

tokens = keras.Input(shape=(12,), dtype="int32")
embed = layers.ReversibleEmbedding(1000, 32, name="token_embedding")
x = embed(tokens)
x = layers.Dense(32, activation="relu")(x)
logits = embed(x, reverse=True)
lm = keras.Model(tokens, logits)
lm.summary()

untied = layers.ReversibleEmbedding(500, 16, tie_weights=False, dtype="int8_from_float32")
y = untied(tokens)
back = untied(y, reverse=True)
quantized = keras.Model(tokens, back)
quantized.summary()
