import numpy as np
import keras
from keras import layers

# two groups of features for the same 400 samples
x_num = np.random.rand(400, 6).astype("float32")
x_cat = np.random.rand(400, 4).astype("float32")
y = np.random.randint(0, 2, size=(400, 1))

model = keras.Sequential([
    keras.Input(shape=(10,)),
    layers.Dense(32, activation="relu"),
    layers.Dense(1, activation="sigmoid"),
])
model.compile(optimizer="adam", loss="binary_crossentropy")
model.fit(np.concatenate([x_num, x_cat], axis=1), y, epochs=5, batch_size=32)
