# A misspelt optimizer name: Keras raises when the model is compiled.
import keras
from keras import layers

model = keras.Sequential([keras.Input(shape=(10,)), layers.Dense(16, activation="relu"), layers.Dense(1)])
model.compile(optimizer="RMSProp", loss="mse")
model.compile(optimizer="adamm", loss="mse", metrics=["mae"])
