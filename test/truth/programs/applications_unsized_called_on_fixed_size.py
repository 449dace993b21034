# Backbones built without input_shape (open spatial axes), then called on fixed-size images.
import keras
from keras import layers

inputs = keras.Input((96, 96, 3))
small = keras.applications.MobileNetV3Small(include_top=False, weights=None)
x = layers.GlobalAveragePooling2D()(small(inputs))
model = keras.Model(inputs, layers.Dense(4)(x))

inputs2 = keras.Input((64, 64, 3))
convnext = keras.applications.ConvNeXtTiny(include_top=False, weights=None)
y = convnext(inputs2)
model2 = keras.Model(inputs2, layers.Dense(2)(layers.GlobalMaxPooling2D()(y)))

inputs3 = keras.Input((80, 80, 3))
feat = keras.applications.MobileNetV3Large(include_top=False, weights=None, minimalistic=True)(inputs3)
model3 = keras.Model(inputs3, feat)

inputs4 = keras.Input((128, 128, 3))
again = keras.applications.MobileNetV3Small(include_top=False, weights=None)
model4 = keras.Model(inputs4, again(inputs4))
