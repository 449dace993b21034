from keras import layers

from . import blocks
from .blocks import double_conv


def encoder(x, depth=2):
    for i in range(depth):
        x = double_conv(x, blocks.BASE * 2**i)
        x = layers.MaxPooling2D()(x)
    return x
