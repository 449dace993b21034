import numpy as np
import keras
from keras import layers

x = np.random.rand(64, 28, 28, 3).astype("float32")
y = keras.utils.to_categorical(np.random.randint(0, 10, size=64), 10)

inputs = keras.Input(shape=(28, 28, 3))
h = layers.Conv2D(8, 3, activation="relu")(inputs)
outputs = layers.Dense(10, activation="softmax")(h)
model = keras.Model(inputs, outputs)
model.compile(optimizer="adam", loss="categorical_crossentropy")
model.fit(x, y, batch_size=16, epochs=1)
