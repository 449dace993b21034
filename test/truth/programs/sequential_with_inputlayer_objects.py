# A keras.layers.InputLayer object as the first item of a Sequential list: the
# model's input, not one of its layers (also with the Keras 2 keyword input_shape=).
import keras
from keras import layers

# positional shape
disc = keras.Sequential(
    [
        keras.layers.InputLayer((28, 28, 3)),
        layers.Conv2D(8, (3, 3), strides=(2, 2), padding="same"),
        layers.GlobalMaxPooling2D(),
        layers.Dense(1),
    ],
    name="discriminator",
)

# shape= keyword
gen = keras.Sequential(
    [
        keras.layers.InputLayer(shape=(16,)),
        layers.Dense(7 * 7 * 4),
        layers.Reshape((7, 7, 4)),
    ],
    name="generator",
)

# deprecated input_shape= keyword (Keras 3 still accepts it): shape-lens
# reports a false "too many positional arguments" error here and stops.
aug = keras.Sequential(
    [
        layers.InputLayer(input_shape=(64, 64, 3)),
        layers.RandomFlip("horizontal"),
        layers.RandomZoom(height_factor=(-0.2, 0.0)),
    ],
    name="adaptive_augmenter",
)

# a model after it, to show the analysis continues (or not)
after = keras.Sequential([keras.Input((4,)), layers.Dense(2)])
