import keras
from keras import layers
row = [1] * 1000
grid = [row] * 1000
text = str(grid)
n = len(text)

model = keras.Sequential([keras.Input(shape=(8,)), layers.Dense(4, activation="relu"), layers.Dense(2)])
