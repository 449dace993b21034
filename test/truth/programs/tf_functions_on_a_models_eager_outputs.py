# Filter visualisation (gradient ascent on an input image): the feature extractor is
# called on an eager TensorFlow tensor inside a tf.function, so its outputs are
# TensorFlow tensors that tf.reduce_mean and NumPy accept (no KerasTensor error).
import numpy as np
import tensorflow as tf
import keras
from keras import layers

inputs = keras.Input(shape=(64, 64, 3))
x = layers.Conv2D(16, 3, activation="relu", name="block1_conv")(inputs)
x = layers.MaxPooling2D()(x)
x = layers.Conv2D(32, 3, activation="relu", name="block2_conv")(x)
model = keras.Model(inputs, x)

layer = model.get_layer(name="block2_conv")
feature_extractor = keras.Model(inputs=model.input, outputs=layer.output)


def compute_loss(image, filter_index):
    activation = feature_extractor(image)
    filter_activation = activation[:, 2:-2, 2:-2, filter_index]
    return tf.reduce_mean(filter_activation)


@tf.function
def gradient_ascent_step(image, filter_index, learning_rate):
    with tf.GradientTape() as tape:
        tape.watch(image)
        loss = compute_loss(image, filter_index)
    grads = tape.gradient(loss, image)
    grads = tf.math.l2_normalize(grads)
    image += learning_rate * grads
    return image


def generate_filter_pattern(filter_index):
    image = tf.random.uniform(minval=0.4, maxval=0.6, shape=(1, 64, 64, 3))
    for i in range(5):
        image = gradient_ascent_step(image, filter_index, 10.0)
    return image[0].numpy()


pattern = generate_filter_pattern(filter_index=2)
activation = feature_extractor(tf.random.uniform(shape=(1, 64, 64, 3)))
print(np.mean(activation), pattern.shape)
