# input_dim= must be an integer: Keras makes the input shape (input_dim,).
from keras.models import Sequential
from keras.layers import Dense
model = Sequential()
model.add(Dense(64, input_dim=(784,), activation='relu'))
model.add(Dense(10))
