import numpy as np
from keras.models import Sequential
from keras.layers import Dense

X = np.random.rand(100, 8)
Y = np.random.randint(0, 2, size=(100,))

model = Sequential()
model.add(Dense(12, input_shape=X.shape, activation="relu"))
model.add(Dense(8, activation="relu"))
model.add(Dense(1, activation="sigmoid"))
model.compile(loss="binary_crossentropy", optimizer="adam", metrics=["accuracy"])
model.fit(X, Y, epochs=150, batch_size=10)
