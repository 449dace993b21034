# This sample tests the fix of a Keras 1 keyword a Keras 3 layer refuses.
import keras
from keras import layers

model = keras.Sequential([keras.Input(shape=(28, 28, 1))])
model.add(layers.Conv2D(32, 3, padding="same"))
#         ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ error keras-error
#   fix*: Rename border_mode= to padding=
model.summary()
