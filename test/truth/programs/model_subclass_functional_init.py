import keras
from keras import layers


class Trainer(keras.Model):
    def train_step(self, data):
        return super().train_step(data)


class Named(keras.Model):
    def __init__(self, width, **kwargs):
        inputs = keras.Input(shape=(10,))
        hidden = layers.Dense(width, activation="relu")(inputs)
        outputs = layers.Dense(1)(hidden)
        super().__init__(inputs=inputs, outputs=outputs, **kwargs)


inputs = keras.Input(shape=(12,))
outputs = layers.Dense(3)(inputs)
first = Trainer(inputs, outputs)
second = Named(7, name="named_model")
x = keras.Input(shape=(10,))
y = second(x)
z = layers.Dense(2)(y)
outer = keras.Model(x, z)
