# Keras 2 saved a SavedModel folder; Keras 3 wants a .keras (or .h5) file.
import keras
from keras import layers

model = keras.Sequential([keras.Input(shape=(4,)), layers.Dense(8, activation="relu"), layers.Dense(1)])
model.compile(optimizer="adam", loss="mse")
model.save("saved_model/regressor")
