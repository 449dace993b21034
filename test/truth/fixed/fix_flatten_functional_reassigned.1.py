# This sample tests the Flatten fix as its own line when the name is reassigned.
import keras
from keras import layers

inputs = keras.Input(shape=(10, 6))
x = layers.Conv1D(4, 3)(inputs)
x = layers.Flatten()(x)
x = layers.RepeatVector(2)(x)
#   ^^^^^^^^^^^^^^^^^^^^^^^^^ error keras-error
#   fix: Insert Flatten() before RepeatVector
#   fix: Insert GlobalAveragePooling1D() before RepeatVector
model = keras.Model(inputs, x)
model.summary()
