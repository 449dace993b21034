# A Sequential of user-defined layers, each holding its own small Sequential,
# applied to a functional tensor: the custom layers' `call` runs inside.
import keras
from keras import layers, ops


class MixerBlock(layers.Layer):
    def __init__(self, tokens, width, **kwargs):
        super().__init__(**kwargs)
        self.token_mlp = keras.Sequential([layers.Dense(tokens, activation="gelu"), layers.Dense(tokens)])
        self.channel_mlp = keras.Sequential([layers.Dense(width * 2, activation="gelu"), layers.Dense(width)])
        self.norm = layers.LayerNormalization()

    def call(self, x):
        y = ops.transpose(self.norm(x), axes=(0, 2, 1))
        x = x + ops.transpose(self.token_mlp(y), axes=(0, 2, 1))
        return x + self.channel_mlp(self.norm(x))


inputs = keras.Input(shape=(16, 32))
blocks = keras.Sequential([MixerBlock(16, 32) for _ in range(3)], name="mixer")
x = blocks(inputs)
x = layers.GlobalAveragePooling1D()(x)
outputs = layers.Dense(5)(x)
model = keras.Model(inputs, outputs)
model.summary()
