import numpy as np
from keras.models import Sequential
from keras.layers import Dense, LSTM, Dropout

# 650 series of 20 time steps with one feature
trainX = np.random.rand(650, 20, 1).astype("float32")
trainY = np.random.rand(650, 1).astype("float32")

batch_size = 1
model = Sequential()
model.add(Dense(5, input_shape=(20, 1)))
model.add(Dense(10))
model.add(LSTM(32))
model.add(Dropout(0.3))
model.add(Dense(5))
model.add(Dense(1))
model.compile(loss="mean_squared_error", optimizer="adam")
model.fit(trainX, trainY, epochs=100, batch_size=batch_size, verbose=2)
