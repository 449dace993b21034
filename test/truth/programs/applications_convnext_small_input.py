# ConvNeXt needs inputs of at least 32x32.
import keras

ok = keras.applications.ConvNeXtTiny(include_top=False, weights=None, input_shape=(32, 32, 3))
too_small = keras.applications.ConvNeXtTiny(include_top=False, weights=None, input_shape=(24, 24, 3))
