# Models held by a keras.Model subclass that is never called: each row shows the
# held model's own output shape and parameters; an unbuilt one shows 0 parameters.
import keras
from keras import layers

discriminator = keras.Sequential(
    [keras.Input((28, 28, 1)), layers.Flatten(), layers.Dense(1)], name="discriminator"
)
inp = keras.Input((16,))
generator = keras.Model(inp, layers.Reshape((28, 28, 1))(layers.Dense(784)(inp)), name="generator")
unbuilt = keras.Sequential([layers.Dense(4), layers.Dense(2)], name="unbuilt")


class GAN(keras.Model):
    def __init__(self, discriminator, generator, helper):
        super().__init__()
        self.discriminator = discriminator
        self.generator = generator
        self.helper = helper

    def call(self, x):
        return self.discriminator(self.generator(x))


gan = GAN(discriminator=discriminator, generator=generator, helper=unbuilt)
gan.compile(optimizer="adam", loss="mse")
