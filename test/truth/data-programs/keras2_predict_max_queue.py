import numpy as np
import keras
from keras import layers

x = np.random.rand(10, 6).astype("float32")
model = keras.Sequential([keras.Input(shape=(6,)), layers.Dense(3, activation="softmax")])
probs = model.predict(x, batch_size=5, max_queue_size=4)
