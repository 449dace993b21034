import numpy as np
import keras
from keras import layers

images = np.random.rand(8, 3, 32, 32).astype("float32")
labels = np.random.randint(0, 10, size=8)
model = keras.Sequential([
    keras.Input(shape=(32, 32, 3)),
    layers.Conv2D(16, 3, activation="relu"),
    layers.GlobalAveragePooling2D(),
    layers.Dense(10, activation="softmax"),
])
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
model.train_on_batch(np.transpose(images, (0, 2, 3, 1)), labels)
model.train_on_batch(images, labels)
