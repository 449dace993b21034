# This sample tests the fix of MNIST images fed to a dense model, made by an unpacking assignment.
import numpy as np
import keras
from keras import layers

(x_train, y_train), (x_test, y_test) = keras.datasets.mnist.load_data()
model = keras.Sequential([keras.Input(shape=(784,)), layers.Dense(10, activation="softmax")])
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
model.fit(x_train.reshape(-1, 784), y_train, epochs=1)
# ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ error keras-error
#   fix*: Convert the data where it is made: x_train = x_train.reshape(-1, 784)
#   fix: Pass x_train.reshape(-1, 784) here
