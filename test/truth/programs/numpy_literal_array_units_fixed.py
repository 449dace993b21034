# The same widths as Python integers: int() of each item, or the array's tolist().
import numpy as np
import keras
from keras import layers

labels = np.array([0, 2, 1, 2, 1])
num_classes = int(labels.max()) + 1

inputs = keras.Input(shape=(16,))
x = inputs
for width in np.array([64, 32]).tolist():
    x = layers.Dense(width, activation="relu")(x)
x = layers.Dense(int(np.array([[8, 4], [2, 1]])[0][1]))(x)
outputs = layers.Dense(num_classes, activation="softmax")(x)
model = keras.Model(inputs, outputs)
