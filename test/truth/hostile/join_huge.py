import keras
from keras import layers
s = "ab"
for i in range(15):
    s = s + s
t = ",".join([s] * 1000)
n = len(t)

model = keras.Sequential([keras.Input(shape=(8,)), layers.Dense(4, activation="relu"), layers.Dense(2)])
