# This sample tests the keras.Input fix in a file that imports each name from
# keras.layers: Input joins that import.
from keras.models import Sequential
from keras.layers import Conv2D, Flatten, Dense, Input

model = Sequential()
model.add(Input(shape=(28, 28, 1)))
model.add(Conv2D(8, 3))
#                      ^^^^^^^^^^^^^^^^^^^^^^^ info input-shape-argument
#   fix*: Start the model with Input(shape=(28, 28, 1)) instead of input_shape=
model.add(Flatten())
model.add(Dense(10, activation="softmax"))
model.compile(optimizer="adam", loss="categorical_crossentropy")
model.summary()
