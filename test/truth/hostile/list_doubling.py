import keras
from keras import layers
x = [1]
for i in range(30):
    x = x + x

model = keras.Sequential([keras.Input(shape=(8,)), layers.Dense(4, activation="relu"), layers.Dense(2)])
