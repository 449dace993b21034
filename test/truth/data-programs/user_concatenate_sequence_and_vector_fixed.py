import numpy as np
import keras
from keras import layers

text = np.random.randint(1, 2000, size=(256, 40))
numeric = np.random.rand(256, 7).astype("float32")
target = np.random.randint(0, 2, size=(256, 1))

text_in = keras.Input(shape=(40,), name="text")
num_in = keras.Input(shape=(7,), name="numeric")
e = layers.Embedding(2000, 32)(text_in)
t = layers.LSTM(32)(e)
n = layers.Dense(16, activation="relu")(num_in)
x = layers.Concatenate()([t, n])
out = layers.Dense(1, activation="sigmoid")(x)
model = keras.Model([text_in, num_in], out)
model.compile(optimizer="adam", loss="binary_crossentropy")
model.fit([text, numeric], target, epochs=2)
