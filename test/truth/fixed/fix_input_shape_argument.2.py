# This sample tests the fix that starts a Sequential with keras.Input instead
# of input_shape=/input_dim= on its first layer, in a list and in add lines.
import keras
from keras import layers

listed = keras.Sequential([layers.Dense(16, activation="relu", input_shape=(8,)), layers.Dense(1)])
#                                                              ^^^^^^^^^^^^^^^^ info input-shape-argument
#   fix*: Start the model with keras.Input(shape=(8,)) instead of input_shape=

added = keras.Sequential()
added.add(keras.Input(shape=(12,)))
added.add(layers.Dense(16))
#                          ^^^^^^^^^^^^ info input-shape-argument
#   fix*: Start the model with keras.Input(shape=(12,)) instead of input_dim=
added.add(layers.Dense(1))
listed.summary()
added.summary()
