# InceptionResNetV2 needs inputs of at least 75x75.
import keras
from keras import layers

inputs = keras.Input(shape=(64, 64, 3))
backbone = keras.applications.InceptionResNetV2(include_top=False, weights=None, input_shape=(64, 64, 3))
model = keras.Model(inputs, layers.GlobalAveragePooling2D()(backbone(inputs)))
