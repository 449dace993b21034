"""Keras 2 tutorials call TensorFlow's own functions on a functional model's tensors (`tf.expand_dims`,
`tf.concat`, `tf.reshape`); Keras 3 refuses: a KerasTensor cannot become a TensorFlow tensor. Inside a
custom layer's call, where the tensors are TensorFlow's, the same functions run."""
import tensorflow as tf
import keras
from keras import layers


class AddChannel(layers.Layer):
    def call(self, x):
        return tf.concat([tf.expand_dims(x, -1), tf.expand_dims(x, -1)], axis=-1)


inputs = keras.Input(shape=(28, 28))
x = AddChannel()(inputs)
x = layers.Conv2D(8, 3)(x)
shape_ok = tf.TensorShape([None, 3])
print(tf.is_tensor(x), tf.nest.flatten([x, x]))
y = tf.reshape(x, (-1, 26 * 26 * 8))
model = keras.Model(inputs, layers.Dense(2)(y))
