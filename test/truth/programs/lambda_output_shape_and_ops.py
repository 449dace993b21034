import keras
from keras import layers, ops


def embed(v):
    freqs = ops.exp(ops.linspace(0.0, 3.0, 8))
    return ops.concatenate([ops.sin(v * freqs), ops.cos(v * freqs)], axis=-1)


class Patches(layers.Layer):
    def __init__(self, size, **kwargs):
        super().__init__(**kwargs)
        self.size = size

    def call(self, images):
        batch = ops.shape(images)[0]
        channels = ops.shape(images)[-1]
        patches = ops.image.extract_patches(images, self.size)
        return ops.reshape(patches, (batch, -1, self.size * self.size * channels))


images = keras.Input(shape=(32, 32, 3))
levels = keras.Input(shape=(1, 1, 1))
e = layers.Lambda(embed, output_shape=(1, 1, 16))(levels)
e = layers.UpSampling2D(size=32)(e)
p = Patches(4)(images)
p = layers.Dense(24)(p)
small = ops.image.resize(images, (16, 16))
t = ops.tile(layers.Dense(2)(layers.Flatten()(small)), (1, 3))
t = keras.activations.relu(t)
model = keras.Model([images, levels], [e, p, t])
