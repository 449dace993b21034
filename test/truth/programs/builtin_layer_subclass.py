import keras
from keras import layers


class WideDense(layers.Dense):
    def __init__(self, units, **kwargs):
        super().__init__(units * 2, **kwargs)


class PlainConv(layers.Conv2D):
    pass


model = keras.Sequential(
    [
        keras.Input(shape=(16, 16, 3)),
        PlainConv(8, 3, activation="relu"),
        layers.Flatten(),
        WideDense(5, name="wide"),
    ]
)
