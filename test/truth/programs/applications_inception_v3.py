# keras.applications.InceptionV3: unnamed conv2d_bn layers draw the file's counters.
import keras
from keras import layers

base = keras.applications.InceptionV3(weights=None, include_top=False, input_shape=(150, 150, 3))
base.trainable = False
inputs = keras.Input(shape=(150, 150, 3))
x = base(inputs, training=False)
x = layers.GlobalAveragePooling2D()(x)
x = layers.Dense(64, activation="relu")(x)
x = layers.BatchNormalization()(x)
outputs = layers.Dense(2, activation="softmax")(x)
model = keras.Model(inputs, outputs)

mixed7 = base.get_layer("mixed7").output
model2 = keras.Model(base.input, layers.Conv2D(8, 1)(mixed7))

top = keras.applications.InceptionV3(weights=None, classes=3, input_shape=(75, 80, 3))
inputs3 = keras.Input(shape=(75, 80, 3))
model3 = keras.Model(inputs3, top(inputs3))
