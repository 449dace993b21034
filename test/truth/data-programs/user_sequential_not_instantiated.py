import numpy as np
from keras.models import Sequential
from keras.layers import LSTM, Dense

X = np.random.rand(100, 10, 1)
y = np.random.rand(100, 1)

model = Sequential
model.add(LSTM(64, input_shape=(10, 1)))
model.add(Dense(1))
model.compile(optimizer="adam", loss="mse")
model.fit(X, y, epochs=10)
