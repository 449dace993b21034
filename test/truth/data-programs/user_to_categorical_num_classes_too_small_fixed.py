import numpy as np
import keras
from keras import layers

labels = np.array([1, 2, 3, 3, 2, 1, 2, 3] * 25)
x = np.random.rand(200, 10).astype("float32")
y = keras.utils.to_categorical(labels - 1, num_classes=3)

model = keras.Sequential([
    keras.Input(shape=(10,)),
    layers.Dense(3, activation="softmax"),
])
model.compile(optimizer="sgd", loss="categorical_crossentropy")
model.fit(x, y, epochs=5)
