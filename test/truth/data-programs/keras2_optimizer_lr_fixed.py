import numpy as np
import keras
from keras import layers
from keras.optimizers import SGD

x = np.random.rand(32, 8).astype("float32")
y = np.random.rand(32, 1).astype("float32")
model = keras.Sequential([keras.Input(shape=(8,)), layers.Dense(1)])
sgd = SGD(learning_rate=0.01, decay=1e-6, momentum=0.9, nesterov=True)
model.compile(optimizer=sgd, loss="mse")
model.fit(x, y, epochs=1, verbose=0)
