# EfficientNetV2 looks its block table up by the model's name: another name is a KeyError.
import keras
from keras import layers

inputs = keras.Input(shape=(64, 64, 3))
backbone = keras.applications.EfficientNetV2B0(include_top=False, weights=None, input_tensor=inputs, name="backbone")
model = keras.Model(inputs, layers.GlobalAveragePooling2D()(backbone.output))
