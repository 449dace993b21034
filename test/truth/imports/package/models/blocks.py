from keras import layers

BASE = 8


def double_conv(x, filters):
    x = layers.Conv2D(filters, 3, padding="same", activation="relu")(x)
    x = layers.BatchNormalization()(x)
    return layers.Conv2D(filters, 3, padding="same", activation="relu")(x)
