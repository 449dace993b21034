import keras
from keras import layers
cube = [[[i * j * k for i in range(100)] for j in range(100)] for k in range(100)]

model = keras.Sequential([keras.Input(shape=(8,)), layers.Dense(4, activation="relu"), layers.Dense(2)])
