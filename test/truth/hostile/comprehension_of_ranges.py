import keras
from keras import layers
big = [list(range(100000)) for i in range(50)]

model = keras.Sequential([keras.Input(shape=(8,)), layers.Dense(4, activation="relu"), layers.Dense(2)])
