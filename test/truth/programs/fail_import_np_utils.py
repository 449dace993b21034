# keras.utils.np_utils was removed in Keras 3 (to_categorical is keras.utils.to_categorical).
import keras
from keras import layers
from keras.utils import np_utils

model = keras.Sequential([keras.Input((4,)), layers.Dense(3, activation="softmax")])
