# This sample tests the fixes for a layer that wants (batch, features) after
# convolutions: Flatten or global pooling inserted as a model.add line.
import keras
from keras import layers

model = keras.Sequential()
model.add(keras.Input(shape=(100, 100, 3)))
model.add(layers.Conv2D(32, (3, 3), activation="relu"))
model.add(layers.MaxPooling2D(pool_size=(2, 2)))
model.add(layers.GlobalAveragePooling2D())
model.add(layers.RepeatVector(16))
#^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ error keras-error
#   fix: Insert Flatten() before RepeatVector
#   fix: Insert GlobalAveragePooling2D() before RepeatVector
model.add(layers.LSTM(64, return_sequences=True))
model.summary()
