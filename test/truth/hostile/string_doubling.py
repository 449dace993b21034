import keras
from keras import layers
s = "ab"
for i in range(26):
    s = s + s
n = len(s)

model = keras.Sequential([keras.Input(shape=(8,)), layers.Dense(4, activation="relu"), layers.Dense(2)])
