# Keras 2's module paths are gone in Keras 3: importing from keras.layers.core fails at the import.
from keras.models import Sequential
from keras.layers.core import Dense, Dropout

model = Sequential([Dense(8, input_shape=(4,)), Dropout(0.5), Dense(1)])
