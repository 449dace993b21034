import numpy as np
from keras.models import Sequential
from keras.layers import LSTM, Dense, Dropout

timesteps, features = 30, 5
X = np.random.rand(200, timesteps, features).astype("float32")
y = np.random.rand(200, 1).astype("float32")

model = Sequential()
model.add(LSTM(64, return_sequences=True, input_shape=(timesteps, features)))
model.add(Dropout(0.2))
model.add(LSTM(32))
model.add(Dense(1))
model.compile(loss="mean_squared_error", optimizer="adam")
model.fit(X, y, epochs=1, batch_size=32)
