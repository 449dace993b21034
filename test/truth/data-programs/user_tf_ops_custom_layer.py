import numpy as np
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers


class PositionalEmbedding(layers.Layer):
    def __init__(self, sequence_length, vocab_size, embed_dim, **kwargs):
        super().__init__(**kwargs)
        self.token_embeddings = layers.Embedding(input_dim=vocab_size, output_dim=embed_dim)
        self.position_embeddings = layers.Embedding(input_dim=sequence_length, output_dim=embed_dim)

    def call(self, inputs):
        length = tf.shape(inputs)[-1]
        positions = tf.range(start=0, limit=length, delta=1)
        embedded_tokens = self.token_embeddings(inputs)
        embedded_positions = self.position_embeddings(positions)
        return embedded_tokens + embedded_positions


class MeanOverTime(layers.Layer):
    def call(self, x):
        return tf.reduce_mean(x, axis=1) + tf.reduce_sum(x, axis=1) * 0.0


inputs = keras.Input(shape=(50,), dtype="int64")
x = PositionalEmbedding(50, 2000, 32)(inputs)
x = MeanOverTime()(x)
x = layers.Dense(16, activation="relu")(x)
outputs = layers.Dense(1, activation="sigmoid")(x)
model = keras.Model(inputs, outputs)
model.summary()
model.compile(optimizer="adam", loss="binary_crossentropy")
model.fit(np.random.randint(0, 2000, size=(32, 50)), np.random.randint(0, 2, size=(32, 2)), epochs=1)
