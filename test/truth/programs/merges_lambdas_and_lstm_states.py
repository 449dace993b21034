# Merges of three tensors, Lambda layers with and without output_shape, Dropout with
# a noise_shape, and an LSTM's sequences and states taken apart.
import keras
from keras import layers
a = keras.Input((4,))
b = keras.Input((4,))
c = keras.Input((4,))
s = layers.Add()([a, b, c])
l1 = layers.Lambda(lambda t: t * 2)(s)
l2 = layers.Lambda(lambda t: t[:, :2], output_shape=(2,))(s)
d = layers.Dropout(0.5, noise_shape=(None, 1))(l1)
m = keras.Model([a, b, c], [d, l2])

seq_in = keras.Input((5, 3))
seq, h, c = layers.LSTM(6, return_sequences=True, return_state=True)(seq_in)
out = layers.Dense(2)(seq[:, -1])
lstm_model = keras.Model(seq_in, [out, h])
