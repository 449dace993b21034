"""Custom layers written with TensorFlow's own functions, as TensorFlow-era tutorials write them: inside a
layer's call the tensors are TensorFlow's, so tf.expand_dims, tf.concat, tf.reduce_mean, tf.matmul,
tf.nn.softmax, tf.transpose and tf.reshape shape them as the keras.ops functions do."""
import tensorflow as tf
import keras
from keras import layers


class Stats(layers.Layer):
    def call(self, x):
        mean = tf.reduce_mean(x, axis=1, keepdims=True)
        top = tf.reduce_max(x, axis=1)
        return tf.concat([tf.squeeze(mean, axis=1), top, tf.math.sqrt(tf.square(top))], axis=-1)


class SelfAttention(layers.Layer):
    def __init__(self, units, **kwargs):
        super().__init__(**kwargs)
        self.query = layers.Dense(units)
        self.key = layers.Dense(units)

    def call(self, x):
        q = self.query(x)
        k = self.key(x)
        scores = tf.nn.softmax(tf.matmul(q, tf.transpose(k, perm=[0, 2, 1])), axis=-1)
        return tf.matmul(scores, x)


class Flatten2(layers.Layer):
    def call(self, x):
        return tf.reshape(tf.expand_dims(x, -1), (-1, 10 * 16))


inputs = keras.Input(shape=(10, 16))
s = Stats()(inputs)
a = SelfAttention(8)(inputs)
f = Flatten2()(a)
x = layers.concatenate([s, f])
outputs = layers.Dense(3, activation="softmax")(x)
model = keras.Model(inputs, outputs)
model.summary()
