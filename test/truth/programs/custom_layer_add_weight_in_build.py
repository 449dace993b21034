import keras
from keras import layers, ops


@keras.saving.register_keras_serializable()
class Scale(layers.Layer):
    def __init__(self, units=4, **kwargs):
        super().__init__(**kwargs)
        self.units = units

    def build(self, input_shape):
        self.w = self.add_weight(shape=(input_shape[-1], self.units), initializer="random_normal", trainable=True)
        self.b = self.add_weight(shape=(self.units,), initializer="zeros", trainable=True)
        self.s = self.add_weight(shape=(), initializer="zeros", trainable=False, name="s")

    def call(self, x):
        return ops.matmul(x, self.w) + self.b


inputs = keras.Input(shape=(16,), batch_size=8, name="feats")
x = Scale(6, name="scale")(inputs)
x = layers.Dense(3)(x)
y = x.shape[-1]
out = layers.Dense(y * 2, name=f"head_{y}")(x)
model = keras.Model(inputs, out, name="with_scale")
model.summary()
