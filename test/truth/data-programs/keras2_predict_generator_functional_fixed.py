import numpy as np
import keras
from keras import layers


def images():
    while True:
        yield (np.random.rand(4, 16, 16, 3).astype("float32"),)


inputs = keras.Input(shape=(16, 16, 3))
x = layers.Conv2D(4, 3, activation="relu")(inputs)
x = layers.GlobalAveragePooling2D()(x)
outputs = layers.Dense(2, activation="softmax")(x)
model = keras.Model(inputs, outputs)
preds = model.predict(images(), steps=2, verbose=0)
