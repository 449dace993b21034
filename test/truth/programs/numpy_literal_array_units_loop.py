# Iterating a literal NumPy array gives NumPy integers: the first Dense of the loop raises.
import numpy as np
import keras
from keras import layers

labels = np.array([0, 2, 1, 2, 1])
num_classes = labels.max() + 1

inputs = keras.Input(shape=(16,))
x = inputs
for width in np.array([64, 32]):
    x = layers.Dense(width, activation="relu")(x)
outputs = layers.Dense(num_classes, activation="softmax")(x)
model = keras.Model(inputs, outputs)
