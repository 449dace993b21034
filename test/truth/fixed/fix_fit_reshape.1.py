# This sample tests the fix of flat images fed to a convolutional model.
import numpy as np
import keras
from keras import layers

x_train = np.random.rand(32, 784).astype("float32")
x_train = x_train.reshape(-1, 28, 28, 1)
y_train = np.random.randint(0, 10, size=(32,))
model = keras.Sequential([
    keras.Input(shape=(28, 28, 1)),
    layers.Conv2D(4, 3, activation="relu"),
    layers.Flatten(),
    layers.Dense(10, activation="softmax"),
])
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
model.fit(x_train, y_train, epochs=1, verbose=0)
# ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ error keras-error
#   fix*: Convert the data where it is made: x_train = x_train.reshape(-1, 28, 28, 1)
#   fix: Pass x_train.reshape(-1, 28, 28, 1) here
