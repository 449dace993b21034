import numpy as np
import keras
from keras import layers

x = np.random.rand(64, 8).astype("float32")
y_bin = np.random.randint(0, 2, size=64)  # (64,) against a (None, 1) sigmoid output
y_sparse = np.random.randint(0, 5, size=(64, 1))  # (64, 1) integer labels
y_onehot = keras.utils.to_categorical(np.random.randint(0, 5, size=64), 5)

binary = keras.Sequential([keras.Input(shape=(8,)), layers.Dense(1, activation="sigmoid")])
binary.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
binary.fit(x, y_bin, epochs=1, batch_size=16)

sparse = keras.Sequential([keras.Input(shape=(8,)), layers.Dense(5, activation="softmax")])
sparse.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
sparse.fit(x, y_sparse, epochs=1)
sparse.evaluate(x, y_sparse.ravel())

onehot = keras.Sequential([keras.Input(shape=(8,)), layers.Dense(5, activation="softmax")])
onehot.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"])
onehot.fit(x, y_onehot, epochs=1, validation_data=(x[:10], y_onehot[:10]))
onehot.predict(x[:3])
onehot.train_on_batch(x[:4], y_onehot[:4])
