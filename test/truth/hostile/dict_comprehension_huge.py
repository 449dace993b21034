import keras
from keras import layers
squares = {i: i * i for i in range(1000000)}
n = len(squares)

model = keras.Sequential([keras.Input(shape=(8,)), layers.Dense(4, activation="relu"), layers.Dense(2)])
