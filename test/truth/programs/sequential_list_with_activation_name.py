# An activation's name among a Sequential's layers: Keras refuses anything but a layer instance.
import keras
from keras import layers

model = keras.Sequential([keras.Input(shape=(10,)), layers.Dense(16), "relu", layers.Dense(1)])
