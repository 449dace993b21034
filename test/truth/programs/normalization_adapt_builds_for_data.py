# Normalization.adapt(data) builds the layer for the whole shape of the data
# (its row shows that shape and 2*channels+1 parameters) even inside a
# Sequential that is never given an input.
import keras
import numpy as np
from keras import layers

x_train = np.random.rand(100, 8, 8, 3).astype("float32")
augmentation = keras.Sequential([layers.Normalization(), layers.RandomFlip("horizontal")], name="augmentation")
augmentation.layers[0].adapt(x_train)

features = layers.Normalization(axis=-1)
features.adapt(np.random.rand(50, 6))
model = keras.Sequential([keras.Input((6,)), features, layers.Dense(2)])
