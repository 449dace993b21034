import numpy as np
import keras
from keras import layers

# 64 grayscale digits with one-hot labels
x = np.random.rand(64, 28, 28, 1).astype("float32")
y = keras.utils.to_categorical(np.random.randint(0, 10, size=64), 10)

model = keras.Sequential([
    keras.Input(shape=(28, 28, 1)),
    layers.Conv2D(16, 3, activation="relu"),
    layers.MaxPooling2D(2),
    layers.Dense(10, activation="softmax"),
])
model.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"])
model.fit(x, y, batch_size=32, epochs=1)
