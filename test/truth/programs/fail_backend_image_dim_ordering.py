# Keras 1/2's K.set_image_dim_ordering is not in Keras 3's keras.backend: Python's AttributeError.
from keras import backend as K
import keras
from keras import layers

K.set_image_dim_ordering("th")
model = keras.Sequential([keras.Input((3, 32, 32)), layers.Conv2D(8, 3)])
