"""The model compiled with the accuracy metric: evaluate returns the loss and the accuracy.
"""
import numpy as np
import keras
from keras import layers

x = np.random.random((64, 10)).astype("float32")
y = np.random.randint(0, 2, size=(64, 1))
model = keras.Sequential([keras.Input((10,)), layers.Dense(8, activation="relu"), layers.Dense(1, activation="sigmoid")])
model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
model.fit(x, y, epochs=1, batch_size=16)
loss, acc = model.evaluate(x, y)
print(loss, acc)
