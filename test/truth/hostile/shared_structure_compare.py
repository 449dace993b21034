import keras
from keras import layers
x = []
for i in range(200):
    x = [x, x]
same = x == x

model = keras.Sequential([keras.Input(shape=(8,)), layers.Dense(4, activation="relu"), layers.Dense(2)])
