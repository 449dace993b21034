"""TextVectorization, StringLookup and IntegerLookup in models, in each output mode: int sequences of a
fixed or open length, multi_hot/count/tf_idf over a written vocabulary or max_tokens with padding, and
a vocabulary learnt by adapt; string inputs of rank 1 and 2."""
import numpy as np
import tensorflow as tf
import keras
from keras import layers

texts = ["the cat sat", "the dog ran far", "a cat and a dog"]

vectorize = layers.TextVectorization(max_tokens=50, output_mode="int", output_sequence_length=8)
vectorize.adapt(texts)
inputs = keras.Input(shape=(1,), dtype="string")
x = vectorize(inputs)
x = layers.Embedding(50, 4)(x)
x = layers.GlobalAveragePooling1D()(x)
outputs = layers.Dense(1, activation="sigmoid")(x)
int_model = keras.Model(inputs, outputs)

open_length = layers.TextVectorization(output_mode="int")
open_length.adapt(texts)
inputs = keras.Input(shape=(), dtype="string")
x = open_length(inputs)
x = layers.Embedding(20, 4, mask_zero=True)(x)
x = layers.LSTM(3)(x)
open_model = keras.Model(inputs, x)

vocab = ["the", "cat", "dog", "sat", "ran"]
multi = layers.TextVectorization(output_mode="multi_hot", vocabulary=vocab)
inputs = keras.Input(shape=(1,), dtype="string")
x = multi(inputs)
x = layers.Flatten()(x)
multi_model = keras.Model(inputs, layers.Dense(2)(x))

counts = layers.TextVectorization(max_tokens=30, output_mode="count", pad_to_max_tokens=True)
counts.adapt(texts)
inputs = keras.Input(shape=(), dtype="string")
count_model = keras.Model(inputs, layers.Dense(3)(counts(inputs)))

tfidf = layers.TextVectorization(output_mode="tf_idf", ngrams=2, max_tokens=40)
tfidf.adapt(texts)
inputs = keras.Input(shape=(), dtype="string")
tfidf_model = keras.Model(inputs, layers.Dense(3)(tfidf(inputs)))

colors = layers.StringLookup(vocabulary=["red", "green", "blue"], output_mode="one_hot")
inputs = keras.Input(shape=(1,), dtype="string")
color_model = keras.Model(inputs, layers.Dense(2)(colors(inputs)))

indices = layers.StringLookup(vocabulary=["[UNK]", "a", "b"], num_oov_indices=1)
inputs = keras.Input(shape=(4,), dtype="string")
x = indices(inputs)
x = layers.Embedding(indices.vocabulary_size(), 3)(x)
index_model = keras.Model(inputs, x)

codes = layers.IntegerLookup(vocabulary=[10, 20, 30, 40], output_mode="multi_hot", num_oov_indices=2)
inputs = keras.Input(shape=(3,), dtype="int64")
code_model = keras.Model(inputs, layers.Dense(2)(codes(inputs)))

learned = layers.StringLookup(output_mode="count")
learned.adapt(np.array([["x", "y"], ["y", "z"]]))
inputs = keras.Input(shape=(2,), dtype="string")
learned_model = keras.Model(inputs, layers.Dense(2)(learned(inputs)))

padded = layers.IntegerLookup(max_tokens=12, pad_to_max_tokens=True, output_mode="one_hot")
padded.adapt(np.array([1, 2, 3, 2]))
inputs = keras.Input(shape=(), dtype="int64")
padded_model = keras.Model(inputs, padded(inputs))

binary = keras.Sequential([keras.Input(shape=(1,), dtype="string"), multi, layers.Dense(2)])
