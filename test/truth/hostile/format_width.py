import keras
from keras import layers
x = 5
s = f"{x:>100000000}"
t = "{:.100000000f}".format(1.5)
n = len(s) + len(t)

model = keras.Sequential([keras.Input(shape=(8,)), layers.Dense(4, activation="relu"), layers.Dense(2)])
