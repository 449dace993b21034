# NASNet is built for channels_last only.
import keras

ok = keras.applications.NASNetMobile(include_top=False, weights=None, input_shape=(32, 32, 3))
keras.config.set_image_data_format("channels_first")
bad = keras.applications.NASNetMobile(include_top=False, weights=None, input_shape=(3, 32, 32))
