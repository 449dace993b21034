import numpy as np
import keras
from keras import layers, ops

def weighted_mse(y_true, y_pred, weight):
    return ops.mean(weight * ops.square(y_true - y_pred))

x = np.random.rand(64, 5).astype("float32")
y = np.random.rand(64, 1).astype("float32")
model = keras.Sequential([keras.Input((5,)), layers.Dense(1)])
model.compile(optimizer="adam", loss=weighted_mse)
model.fit(x, y, epochs=1)
