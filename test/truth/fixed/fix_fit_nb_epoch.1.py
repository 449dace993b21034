# This sample tests the fix of Keras 2's nb_epoch= at fit.
import numpy as np
import keras
from keras import layers

x_train = np.random.rand(64, 20).astype("float32")
y_train = np.random.randint(0, 2, size=(64, 1))
model = keras.Sequential([keras.Input(shape=(20,)), layers.Dense(1, activation="sigmoid")])
model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
model.fit(x_train, y_train, batch_size=16, epochs=2, verbose=0)
# ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ error keras-error
#   fix*: Rename nb_epoch= to epochs=
