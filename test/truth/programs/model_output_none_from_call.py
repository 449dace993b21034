# A helper that forgets to return: the model's output is None.
import keras
from keras import layers


def head(x):
    x = layers.Dense(4)(x)


inputs = keras.Input(shape=(8,))
outputs = head(inputs)
model = keras.Model(inputs=inputs, outputs=outputs)
