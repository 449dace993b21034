import numpy as np
import keras
from keras import layers
from keras import ops


def rmse(y_true, y_pred):
    return ops.sqrt(ops.mean(ops.square(y_pred - y_true), axis=-1))


x = np.random.rand(100, 8).astype("float32")
y = np.random.rand(100, 1).astype("float32")

model = keras.Sequential([
    layers.Dense(32, activation="relu", input_shape=(8,)),
    layers.Dense(1),
])
model.compile(optimizer="adam", loss=rmse)
model.fit(x, y, epochs=1, batch_size=16)
model.summary()
