# keras.applications.MobileNet (v1): alpha, depth_multiplier, dropout, the top.
import keras
from keras import layers

base = keras.applications.MobileNet(input_shape=(128, 128, 3), include_top=False, weights=None, alpha=0.5)
base.trainable = False
inputs = keras.Input(shape=(128, 128, 3))
x = layers.GlobalAveragePooling2D()(base(inputs))
model = keras.Model(inputs, layers.Dense(5)(x))

clf = keras.applications.MobileNet(input_shape=(97, 64, 3), weights=None, alpha=0.25, depth_multiplier=2, classes=3, dropout=0.5)
inputs2 = keras.Input(shape=(97, 64, 3))
model2 = keras.Model(inputs2, clf(inputs2))

pooled = keras.applications.MobileNet(weights=None, include_top=False, pooling="avg")
model3 = keras.Sequential([keras.Input(shape=(160, 160, 3)), pooled, layers.Dense(2)])
