import numpy as np
from keras.models import Sequential
from keras.layers import LSTM, Dense

X = np.random.rand(320, 10, 1).astype("float32")
y = np.random.rand(320, 1).astype("float32")

model = Sequential()
model.add(LSTM(16, stateful=True, input_shape=(10, 1)))
model.add(Dense(1))
model.compile(loss="mse", optimizer="adam")
model.fit(X, y, epochs=1, batch_size=32, shuffle=False)
