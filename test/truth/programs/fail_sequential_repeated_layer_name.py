# Two layers added to a Sequential under one name.
import keras
from keras import layers
model = keras.Sequential()
model.add(keras.Input((4,)))
model.add(layers.Dense(8, name="fc"))
model.add(layers.Dense(8, name="fc"))
