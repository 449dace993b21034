# This sample tests the channels-first warning: (20, 15, 15) is read as
# rows=20, cols=15, channels=15 by a channels-last Conv2D.
from keras.models import Sequential
from keras.layers import Conv2D, Dense

model = Sequential()
model.add(Conv2D(12, 3, padding='same', input_shape=(20, 15, 15), data_format='channels_first'))
#                                       ^^^^^^^^^^^ warning channels-first-input
#   fix*: Give the input channels-last: (15, 15, 20) (and transpose the data: np.transpose(x, (0, 2, 3, 1)))
#   fix: Keep the data channels-first: data_format="channels_first" on the spatial layers (1)
#                                       ^^^^^^^^^^^ info input-shape-argument
#   fix*: Start the model with Input(shape=(20, 15, 15)) instead of input_shape=
model.add(Dense(6))

ok = Sequential()
ok.add(Conv2D(12, 3, padding='same', input_shape=(15, 15, 20)))
#                                    ^^^^^^^^^^^ info input-shape-argument
#   fix*: Start the model with Input(shape=(15, 15, 20)) instead of input_shape=
ok.add(Conv2D(12, 3, padding='same', data_format='channels_first', input_shape=(3, 32, 32)))
#                                                                  ^^^^^^^^^^^ info input-shape-argument
