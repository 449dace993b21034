from keras import layers


def conv_block(x, filters):
    x = layers.Conv2D(filters, 5, activation="relu")(x)
    return layers.MaxPooling2D(2)(x)
