# keras.applications.VGG16 / VGG19: frozen convolutional base, the full classifier.
import keras
from keras import layers

conv_base = keras.applications.VGG16(weights=None, include_top=False, input_shape=(180, 180, 3))
conv_base.trainable = False
inputs = keras.Input(shape=(180, 180, 3))
x = conv_base(inputs)
x = layers.Flatten()(x)
x = layers.Dense(256)(x)
x = layers.Dropout(0.5)(x)
outputs = layers.Dense(1, activation="sigmoid")(x)
model = keras.Model(inputs, outputs)

full = keras.applications.VGG19(weights=None, classes=4, input_shape=(64, 48, 3))
inputs2 = keras.Input(shape=(64, 48, 3))
model2 = keras.Model(inputs2, full(inputs2))

avg = keras.applications.vgg16.VGG16(weights=None, include_top=False, pooling="avg")
model3 = keras.Sequential([keras.Input(shape=(32, 32, 3)), avg, layers.Dense(10)])
