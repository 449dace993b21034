# Keras 3 wants weights files named *.weights.h5.
import keras
from keras import layers

model = keras.Sequential([keras.Input(shape=(10,)), layers.Dense(5), layers.Dense(1)])
model.save_weights("model_weights.h5")
