# This sample tests the channels-first fixes on a functional model: the
# shape of keras.Input reordered, or data_format on every spatial layer after
# it (and axis=1 for BatchNormalization).
import keras
from keras import layers

inputs = keras.Input(shape=(3, 64, 64))
x = layers.Conv2D(16, 3, padding="same", activation="relu", data_format="channels_first")(inputs)
#   ^^^^^^^^^^^^^ warning channels-first-input
#   fix*: Give the input channels-last: (64, 64, 3) (and transpose the data: np.transpose(x, (0, 2, 3, 1)))
#   fix: Keep the data channels-first: data_format="channels_first" on the spatial layers (4)
x = layers.BatchNormalization(axis=1)(x)
x = layers.MaxPooling2D(2, data_format="channels_first")(x)
x = layers.Conv2D(32, 3, padding="same", activation="relu", data_format="channels_first")(x)
x = layers.GlobalAveragePooling2D(data_format="channels_first")(x)
outputs = layers.Dense(10, activation="softmax")(x)
model = keras.Model(inputs, outputs)
model.summary()
