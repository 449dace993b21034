# This sample tests the fix of a Keras 2 module that is gone: its names are in keras.utils now.
from keras.utils import to_categorical
#^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ error keras-error
#   fix*: Import from keras.utils

labels = to_categorical([0, 1, 2], 3)
