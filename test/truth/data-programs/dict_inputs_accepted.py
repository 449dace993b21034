import numpy as np
import keras
from keras import layers

title = keras.Input(shape=(10,), name="title")
body = keras.Input(shape=(100,), name="body")
h = layers.Concatenate()([layers.Dense(8)(title), layers.Dense(8)(body)])
out = layers.Dense(1, activation="sigmoid", name="priority")(h)
model = keras.Model(inputs=[title, body], outputs=out)
model.compile(optimizer="adam", loss="binary_crossentropy")

title_data = np.random.rand(64, 10).astype("float32")
body_data = np.random.rand(64, 100).astype("float32")
labels = np.random.randint(0, 2, size=(64, 1))
model.fit({"body": body_data, "title": title_data}, labels, batch_size=16, epochs=1)
