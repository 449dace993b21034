# A keras.Model subclass lists every layer assigned to it, in assignment order:
# built-in layers, models, and the user's own Layer subclasses, alone or in lists.
import keras
from keras import layers


class Augmentation(keras.layers.Layer):
    def __init__(self):
        super().__init__()


class RandomFlipLike(Augmentation):
    def call(self, x):
        return x


class MyDropout(keras.layers.Layer):
    def __init__(self, rate, name=None):
        super().__init__(name=name)
        self.rate = rate
        self.seed_generator = keras.random.SeedGenerator(1337)

    def call(self, inputs):
        return keras.random.dropout(inputs, self.rate, seed=self.seed_generator)


class Block(layers.Layer):
    def __init__(self, units, **kwargs):
        super().__init__(**kwargs)
        self.dense = layers.Dense(units)

    def call(self, x):
        return self.dense(x)


class MyModel(keras.Model):
    def __init__(self):
        super().__init__()
        self.conv_base = keras.Sequential([layers.Dense(4)])
        self.flip = RandomFlipLike()
        self.dp = MyDropout(0.5)
        self.blocks = [Block(4, name=f"block_{i}") for i in range(2)]
        self.head = layers.Dense(3)

    def call(self, x):
        x = self.conv_base(x)
        x = self.dp(self.flip(x))
        for b in self.blocks:
            x = b(x)
        return self.head(x)


model = MyModel()
