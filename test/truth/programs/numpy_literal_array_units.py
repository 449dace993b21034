# Layer widths kept in a NumPy array: an item read from it is a NumPy integer, which Keras 3 refuses as units.
import numpy as np
import keras
from keras import layers

widths = np.array([128, 64, 32])
grid = np.array([[1, 2, 3], [4, 5, 6]])

model = keras.Sequential([keras.Input(shape=(20,))])
model.add(layers.Dense(int(widths[0]), activation="relu"))
model.add(layers.Dense(widths.tolist()[1], activation="relu"))
model.add(layers.Dense(len(widths) * grid.tolist()[1][2]))
for w in widths[1:]:
    model.add(layers.Dense(w))
