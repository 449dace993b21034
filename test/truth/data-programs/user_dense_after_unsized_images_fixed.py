import numpy as np
import keras
from keras import layers

images = np.random.rand(32, 64, 64, 3).astype("float32")
labels = np.random.randint(0, 5, size=(32,))

inputs = keras.Input(shape=(None, None, 3))
x = layers.Conv2D(16, 3, activation="relu")(inputs)
x = layers.MaxPooling2D()(x)
x = layers.GlobalAveragePooling2D()(x)
outputs = layers.Dense(5, activation="softmax")(x)
model = keras.Model(inputs, outputs)
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
model.fit(images, labels, epochs=2)
