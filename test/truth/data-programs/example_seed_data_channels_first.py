"""The seed's real mistake: the model is right, the data is channels first.

A hyperspectral toolbox saves each patch band first, (bands, rows, cols),
so 200 patches of 20 bands over 15x15 pixels arrive as (200, 20, 15, 15).
Keras's Conv2D reads channels last: the model below is built on (15, 15, 20)
and says nothing until fit() receives the data.

Shape Lens puts Keras's error on the fit line, names the transpose that
cures it, and hovering `fit` lines the model up against the data, axis by
axis.
"""

import numpy as np
import keras
from keras import layers

X = np.random.rand(200, 20, 15, 15).astype("float32")
y = np.random.randint(0, 4, size=200)

model = keras.Sequential([
    keras.Input(shape=(15, 15, 20)),
    layers.Conv2D(32, 3, padding="same", activation="relu"),
    layers.MaxPooling2D(2),
    layers.Conv2D(64, 3, padding="same", activation="relu"),
    layers.GlobalAveragePooling2D(),
    layers.Dense(4, activation="softmax"),
])
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy",
              metrics=["accuracy"])
model.fit(X, y, batch_size=16, epochs=20, validation_split=0.2)
