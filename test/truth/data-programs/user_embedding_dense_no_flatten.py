import numpy as np
from keras.models import Sequential
from keras.layers import Embedding, Dense

# 1000 reviews padded to 50 tokens, vocabulary of 5000; positive or negative
X = np.random.randint(0, 5000, size=(1000, 50))
y = np.random.randint(0, 2, size=(1000,))

model = Sequential()
model.add(Embedding(5000, 32, input_shape=(50,)))
model.add(Dense(1, activation="sigmoid"))
model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
model.fit(X, y, epochs=3, batch_size=64)
