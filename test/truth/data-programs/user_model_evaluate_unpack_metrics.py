import numpy as np
import keras
from keras import layers

x = np.random.rand(50, 4).astype("float32")
y = np.random.randint(0, 2, size=(50, 1))
model = keras.Sequential([keras.Input((4,)), layers.Dense(1, activation="sigmoid")])
model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy", "AUC"])
loss, acc = model.evaluate(x, y)
print(loss, acc)
