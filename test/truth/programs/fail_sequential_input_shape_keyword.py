# Sequential(..., input_shape=...): the constructor takes layers, trainable and name only.
import keras
from keras import layers
model = keras.Sequential([layers.Dense(10)], input_shape=(4,))
