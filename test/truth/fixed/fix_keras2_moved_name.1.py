# This sample tests the fix of a name its module no longer exports: it moves
# to a line of its own, from the module that does.
from keras.models import Model
from keras import Input
#^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ error keras-error
#   fix*: Import from keras
from keras.layers import Dense

inputs = Input(shape=(4,))
model = Model(inputs, Dense(2)(inputs))
model.summary()
