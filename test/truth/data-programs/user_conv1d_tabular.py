import numpy as np
from keras.models import Sequential
from keras.layers import Conv1D, Flatten, Dense

# tabular data: 500 rows of 8 features, 3 classes
X_train = np.random.rand(500, 8)
y_train = np.random.randint(0, 3, size=(500,))

model = Sequential()
model.add(Conv1D(32, 3, activation="relu", input_shape=(8,)))
model.add(Flatten())
model.add(Dense(3, activation="softmax"))
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
model.fit(X_train, y_train, epochs=20, batch_size=16)
