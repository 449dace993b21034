# Code written for both Keras 2 and 3: the Keras 2 path is tried first; the import that fails is caught.
try:
    from keras.layers.core import Dense
except ImportError:
    from keras.layers import Dense
import keras

model = keras.Sequential([keras.Input((4,)), Dense(3)])
