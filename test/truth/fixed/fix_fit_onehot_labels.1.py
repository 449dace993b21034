# This sample tests the fixes of one-hot labels with a sparse loss.
import numpy as np
import keras
from keras import layers

x = np.random.rand(40, 6).astype("float32")
y = keras.utils.to_categorical(np.random.randint(0, 4, size=(40,)), 4)
model = keras.Sequential([keras.Input(shape=(6,)), layers.Dense(4, activation="softmax")])
model.compile(optimizer="adam", loss=keras.losses.CategoricalCrossentropy())
model.fit(x, y, epochs=1, verbose=0)
# ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ error keras-error
#   fix*: Change the loss to keras.losses.CategoricalCrossentropy()
#   fix: Pass np.argmax(y, axis=-1) here
