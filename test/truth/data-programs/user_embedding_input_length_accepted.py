import numpy as np
from keras.models import Sequential
from keras.layers import Embedding, LSTM, Dense

max_len = 100
X = np.random.randint(0, 10000, size=(500, max_len))
y = np.random.randint(0, 2, size=(500,))

model = Sequential()
model.add(Embedding(10000, 64, input_length=max_len))
model.add(LSTM(32))
model.add(Dense(1, activation="sigmoid"))
model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
model.fit(X, y, epochs=2, batch_size=64)
