# MobileNetV3 refuses an input smaller than 32x32.
import keras
from keras import layers

inputs = keras.Input(shape=(28, 28, 3))
backbone = keras.applications.MobileNetV3Small(input_shape=(28, 28, 3), include_top=False, weights=None)
model = keras.Model(inputs, layers.GlobalAveragePooling2D()(backbone(inputs)))
