import numpy as np
import keras

# 7x9 single-channel grids, one value to predict
x = np.random.rand(200, 7, 9, 1).astype("float32")
y = np.random.rand(200, 1).astype("float32")

model = keras.models.Sequential()
model.add(keras.layers.Conv2D(4, kernel_size=(3, 3), padding="same", activation="relu", input_shape=(7, 9, 1)))
model.add(keras.layers.Conv2D(4, kernel_size=(3, 3), padding="same", activation="relu"))
model.add(keras.layers.Conv2D(2, kernel_size=(3, 3), padding="same", activation="relu"))
model.add(keras.layers.Conv2D(2, kernel_size=(3, 3), padding="same", activation="relu"))
model.add(keras.layers.Flatten())
model.add(keras.layers.Dense(1))
model.compile(optimizer="adam", loss="mse")
model.fit(x, y, epochs=5)
