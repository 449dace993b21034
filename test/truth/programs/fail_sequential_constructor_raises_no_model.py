# Keras raises inside Sequential([...]): no model exists afterwards.
import keras
from keras import layers
model = keras.Sequential([layers.Input(shape=(10,)), layers.LSTM(32), layers.Dense(1)])
