# A keras.Model subclass tracks a list attribute: layers appended to it after
# the assignment are listed too, in the order they were appended.
import keras
from keras import layers


class Block(layers.Layer):
    def __init__(self, units, **kwargs):
        super().__init__(**kwargs)
        self.dense = layers.Dense(units)

    def call(self, x):
        return self.dense(x)


class Tower(keras.Model):
    def __init__(self, widths):
        super().__init__()
        self.stem = layers.Dense(8)
        self.stages = list()
        for w in widths:
            self.stages.append(Block(w))
        self.stages.extend([layers.Dropout(0.1), layers.Dense(8)])
        self.head = layers.Dense(2)

    def call(self, x):
        x = self.stem(x)
        for stage in self.stages:
            x = stage(x)
        return self.head(x)


tower = Tower([16, 8])
out = tower(keras.Input((4,)))
