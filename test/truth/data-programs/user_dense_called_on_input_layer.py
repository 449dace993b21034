import numpy as np
import keras
from keras import layers

x = np.random.rand(100, 8).astype("float32")
y = np.random.rand(100, 1).astype("float32")

inp = layers.InputLayer(shape=(8,))
h = layers.Dense(16, activation="relu")(inp)
out = layers.Dense(1)(h)
model = keras.Model(inp, out)
model.compile(optimizer="adam", loss="mse")
model.fit(x, y, epochs=2)
