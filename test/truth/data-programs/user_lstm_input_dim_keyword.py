import numpy as np
from keras.models import Sequential
from keras.layers import Dense, LSTM

X = np.random.rand(100, 9)
Y = np.random.rand(100, 2)

model = Sequential()
model.add(LSTM(32, input_dim=9))
model.add(Dense(2))
model.compile(loss="mean_squared_error", optimizer="adam")
model.fit(X, Y, epochs=1, batch_size=32)
