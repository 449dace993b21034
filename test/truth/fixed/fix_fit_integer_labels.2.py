# This sample tests the fixes of integer labels with a one-hot loss.
import numpy as np
import keras
from keras import layers

x = np.random.rand(40, 6).astype("float32")
y = np.random.randint(0, 4, size=(40,))
model = keras.Sequential([keras.Input(shape=(6,)), layers.Dense(4, activation="softmax")])
model.compile(optimizer="adam", loss="categorical_crossentropy")
model.fit(x, keras.utils.to_categorical(y, 4), epochs=1, verbose=0)
# ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ error keras-error
#   fix*: Change the loss to "sparse_categorical_crossentropy"
#   fix: Pass keras.utils.to_categorical(y, 4) here
