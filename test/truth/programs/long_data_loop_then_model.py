import numpy as np
import keras
from keras import layers

samples = []
while len(samples) < 5000:
    samples.append(np.random.randint(0, 10))

rows = []
for i in range(3000):
    rows.append([i, i + 1])

width = 6
model = keras.Sequential()
model.add(layers.Input((9, width)))
model.add(layers.LSTM(16))
model.add(layers.RepeatVector(4))
model.add(layers.LSTM(16, return_sequences=True))
model.add(layers.Dense(width, activation="softmax"))
