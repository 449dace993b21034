# This sample tests the fix for stacked recurrent layers in a Sequential list.
import keras
from keras import layers

model = keras.Sequential(
#       ^^^^^^^^^^^^^^^^^ error keras-error
#   fix*: Pass return_sequences=True to SimpleRNN, so that SimpleRNN gets the whole sequence
    [
        keras.Input(shape=(20, 3)),
        layers.SimpleRNN(8, return_sequences=True),
        layers.SimpleRNN(8),
        layers.Dense(1),
    ]
)
model.summary()
