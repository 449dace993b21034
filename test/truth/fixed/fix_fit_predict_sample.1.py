# This sample tests the fix of one sample given to predict.
import numpy as np
import keras
from keras import layers

model = keras.Sequential([
    keras.Input(shape=(28, 28, 1)),
    layers.Conv2D(4, 3, activation="relu"),
    layers.Flatten(),
    layers.Dense(10, activation="softmax"),
])
image = np.random.rand(28, 28, 1).astype("float32")
image = np.expand_dims(image, 0)
probs = model.predict(image, verbose=0)
#       ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ error keras-error
#   fix*: Convert the data where it is made: image = np.expand_dims(image, 0)
#   fix: Pass np.expand_dims(image, 0) here
