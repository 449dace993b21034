# With ImageNet weights, a NASNet input shape must be static.
import keras

ok = keras.applications.NASNetMobile(include_top=False, weights=None, input_shape=(None, None, 3))
bad = keras.applications.NASNetMobile(include_top=False, weights="imagenet", input_shape=(None, None, 3))
