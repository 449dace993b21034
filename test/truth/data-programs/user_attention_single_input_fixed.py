import numpy as np
import keras
from keras import layers

X = np.random.randint(1, 3000, size=(200, 25))
y = np.random.randint(0, 2, size=(200, 1))

inp = keras.Input(shape=(25,))
emb = layers.Embedding(3000, 64)(inp)
seq = layers.LSTM(64, return_sequences=True)(emb)
att = layers.Attention()([seq, seq])
pooled = layers.GlobalAveragePooling1D()(att)
out = layers.Dense(1, activation="sigmoid")(pooled)
model = keras.Model(inp, out)
model.compile(optimizer="adam", loss="binary_crossentropy")
model.fit(X, y, epochs=2)
