# Rows of a subclassed model whose layers are only called inside its traced
# call (on a keras.Input) or an eager one (on data): no graph nodes, so each row
# shows the output for the shapes it was built with, or nothing for layers Keras
# builds at construction (Dropout); the model is one row of the caller's graph.
import keras
import numpy as np
from keras import layers


class Tower(keras.Model):
    def __init__(self):
        super().__init__()
        self.d1 = layers.Dense(8)
        self.drop = layers.Dropout(0.1)
        self.flat = layers.Flatten()
        self.add = layers.Add()
        self.d2 = layers.Dense(2)

    def call(self, x):
        x = self.flat(x)
        y = self.d1(x)
        y = self.drop(y)
        y = self.add([y, y])
        return self.d2(y)


inputs = keras.Input((4, 2))
outputs = Tower()(inputs)
outer = keras.Model(inputs, outputs)

t2 = Tower()
t2.build((None, 3, 2))

t3 = Tower()
t3(np.zeros((5, 2, 2)))
