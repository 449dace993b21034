import numpy as np
import keras
from keras import layers

x = np.random.rand(128, 20).astype("float32")
y = np.random.rand(128, 1).astype("float32")

inp = keras.Input(shape=(20,))
features = layers.Dense(32, activation="relu")(inp)
gate = layers.Dense(32, activation="sigmoid")(inp)
gated = layers.Multiply()([features, gate])
out = layers.Dense(1)(gated)
model = keras.Model(inp, out)
model.compile(optimizer="adam", loss="mse")
model.fit(x, y, epochs=2)
