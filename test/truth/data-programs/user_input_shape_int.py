import numpy as np
import keras
from keras import layers

x = np.random.rand(64, 10).astype("float32")
y = np.random.rand(64, 1).astype("float32")

inputs = keras.Input(shape=(10))
h = layers.Dense(16, activation="relu")(inputs)
outputs = layers.Dense(1)(h)
model = keras.Model(inputs, outputs)
model.compile(optimizer="adam", loss="mse")
model.fit(x, y, epochs=2)
