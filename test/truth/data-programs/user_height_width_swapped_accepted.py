import numpy as np
import keras
from keras import layers

# 200 images 32 pixels high, 64 wide
x_train = np.random.rand(200, 32, 64, 3).astype("float32")
y_train = keras.utils.to_categorical(np.random.randint(0, 10, size=200), 10)

model = keras.Sequential([
    keras.Input(shape=(64, 32, 3)),
    layers.Conv2D(16, 3, activation="relu"),
    layers.MaxPooling2D(),
    layers.Flatten(),
    layers.Dense(10, activation="softmax"),
])
model.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"])
model.fit(x_train, y_train, epochs=5, batch_size=32)
