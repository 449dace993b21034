import numpy as np
import keras
from keras import layers

X = np.random.rand(150, 20, 4).astype("float32")
y = np.random.rand(150, 1).astype("float32")

model = keras.Sequential([
    keras.Input(shape=(20, 4)),
    layers.GRU(32),
    layers.GlobalAveragePooling1D(),
    layers.Dense(1),
])
model.compile(optimizer="adam", loss="mse")
model.fit(X, y, epochs=3)
