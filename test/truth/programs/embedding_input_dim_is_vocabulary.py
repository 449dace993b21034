# Embedding's `input_dim` is its vocabulary size, not an input shape: a
# Sequential starting with it stays unbuilt until it sees data.
import keras
from keras import layers

model = keras.Sequential([
    layers.Embedding(input_dim=5000, output_dim=16, mask_zero=True),
    layers.LSTM(32),
])

dense_first = keras.Sequential([layers.Dense(8, input_dim=20), layers.Dense(1)])
