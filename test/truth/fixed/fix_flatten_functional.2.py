# This sample tests the Flatten fixes in a functional model: a line
# `x = Flatten()(x)` where the name is reassigned, the input wrapped where it is not.
import keras
from keras import layers

inputs = keras.Input(shape=(32, 32, 3))
x = layers.Conv2D(8, 3)(inputs)
features = layers.MaxPooling2D()(x)
x = layers.RepeatVector(4)(layers.GlobalAveragePooling2D()(features))
#   ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ error keras-error
#   fix: Insert Flatten() before RepeatVector
#   fix: Insert GlobalAveragePooling2D() before RepeatVector
model = keras.Model(inputs, x)
model.summary()
