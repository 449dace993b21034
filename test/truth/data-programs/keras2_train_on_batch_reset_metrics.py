import numpy as np
import keras
from keras import layers

x = np.random.rand(16, 5).astype("float32")
y = np.random.randint(0, 3, size=(16,))
model = keras.Sequential([keras.Input(shape=(5,)), layers.Dense(3, activation="softmax")])
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
for step in range(2):
    logs = model.train_on_batch(x, y, reset_metrics=False)
