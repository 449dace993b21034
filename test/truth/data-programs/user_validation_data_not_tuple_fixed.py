import numpy as np
import keras
from keras import layers

x_train = np.random.rand(200, 6).astype("float32")
y_train = np.random.rand(200, 1).astype("float32")
x_val = np.random.rand(50, 6).astype("float32")
y_val = np.random.rand(50, 1).astype("float32")

model = keras.Sequential([keras.Input(shape=(6,)), layers.Dense(8, activation="relu"), layers.Dense(1)])
model.compile(optimizer="adam", loss="mse")
model.fit(x_train, y_train, epochs=5, validation_data=(x_val, y_val))
