import numpy as np
import keras
from keras import layers

x_train = np.random.rand(256, 12).astype("float32")
y_train = np.random.rand(256, 1).astype("float32")

inputs = keras.Input(shape=(12,))
x = keras.ops.log1p(inputs)
x = layers.Dense(32, activation="relu")(x)
outputs = layers.Dense(1)(x)
model = keras.Model(inputs, outputs)
model.compile(optimizer="adam", loss="mse")
model.fit(x_train, y_train, epochs=3)
