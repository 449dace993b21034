import numpy as np
import keras
from keras import layers

x = np.random.rand(64, 10).astype("float32")
y = np.random.randint(0, 2, size=(64, 1)).astype("float32")

model = keras.Sequential([
    keras.Input(shape=(10,)),
    layers.Dense(16, activation="relu"),
    layers.Dense(1, activation="sigmoid"),
])
model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
history = model.fit(x, y, epochs=2, validation_split=0.2)
acc = history.history["accuracy"]
val_acc = history.history["val_accuracy"]
print(len(acc), len(val_acc))
