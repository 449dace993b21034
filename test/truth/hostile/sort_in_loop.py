import keras
from keras import layers
L = list(range(100000))
for i in range(100):
    s = sorted(L)

model = keras.Sequential([keras.Input(shape=(8,)), layers.Dense(4, activation="relu"), layers.Dense(2)])
