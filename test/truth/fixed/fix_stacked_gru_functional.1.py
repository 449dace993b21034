# This sample tests the fix for stacked recurrent layers in a functional
# model, the earlier one wrapped in Bidirectional and told not to return
# sequences.
import keras
from keras import layers

inputs = keras.Input(shape=(50, 8))
x = layers.Bidirectional(layers.GRU(32, return_sequences=True))(inputs)
x = layers.GRU(16)(x)
#   ^^^^^^^^^^^^^^^^^ error keras-error
#   fix*: Pass return_sequences=True to Bidirectional, so that GRU gets the whole sequence
outputs = layers.Dense(1, activation="sigmoid")(x)
model = keras.Model(inputs, outputs)
model.summary()
