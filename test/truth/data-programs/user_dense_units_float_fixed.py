import numpy as np
from keras.models import Sequential
from keras.layers import Dense

n_features = 30
X = np.random.rand(200, n_features)
y = np.random.randint(0, 2, size=(200,))

model = Sequential()
model.add(Dense(n_features, input_shape=(n_features,), activation="relu"))
model.add(Dense(n_features // 2, activation="relu"))
model.add(Dense(1, activation="sigmoid"))
model.compile(optimizer="adam", loss="binary_crossentropy")
model.fit(X, y, epochs=5)
