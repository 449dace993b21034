# This sample tests the fix of channels-first data fed to a channels-last model at fit.
import numpy as np
import keras
from keras import layers

X = np.random.rand(16, 20, 15, 15).astype("float32")
y = np.random.randint(0, 3, size=(16,))
model = keras.Sequential([
    keras.Input(shape=(15, 15, 20)),
    layers.Conv2D(8, 3, activation="relu"),
    layers.GlobalAveragePooling2D(),
    layers.Dense(3, activation="softmax"),
])
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
model.fit(np.transpose(X, (0, 2, 3, 1)), y, epochs=1, batch_size=8, verbose=0)
# ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ error keras-error
#   fix*: Convert the data where it is made: X = np.transpose(X, (0, 2, 3, 1))
#   fix: Pass np.transpose(X, (0, 2, 3, 1)) here
