import numpy as np
from keras.models import Sequential
from keras.layers import Conv1D, MaxPooling2D, Flatten, Dense

# 300 sensor windows of 128 steps, 6 channels; 5 activities
X = np.random.rand(300, 128, 6).astype("float32")
y = np.random.randint(0, 5, size=(300,))

model = Sequential()
model.add(Conv1D(64, 3, activation="relu", input_shape=(128, 6)))
model.add(MaxPooling2D(pool_size=2))
model.add(Flatten())
model.add(Dense(5, activation="softmax"))
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
model.fit(X, y, epochs=10, batch_size=32)
