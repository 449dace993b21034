# This sample tests the fix of a Keras 2 import path: Keras 3 keeps every
# layer in keras.layers.
from keras.models import Sequential
from keras.layers import Dense, Dropout
#^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ error keras-error
#   fix*: Import from keras.layers
from keras.layers import Input

model = Sequential([Input(shape=(8,)), Dense(16), Dropout(0.5), Dense(1)])
model.summary()
