# A keras.applications backbone built for 96x96 images, called on 128x128 ones.
import keras
from keras import layers
base = keras.applications.MobileNetV2(input_shape=(96, 96, 3), include_top=False, weights=None)
inputs = keras.Input(shape=(128, 128, 3))
x = base(inputs)
x = layers.GlobalAveragePooling2D()(x)
model = keras.Model(inputs, layers.Dense(2)(x))
