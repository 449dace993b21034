import numpy as np
from keras.models import Sequential
from keras.layers import Dense

X = np.random.rand(100, 13)
y = np.random.rand(100, 1)

model = Sequential()
model.add(Dense(13, activation="relu"))
model.add(Dense(6, activation="relu"))
model.add(Dense(1))
model.summary()
model.compile(loss="mse", optimizer="adam")
model.fit(X, y, epochs=10, batch_size=5)
