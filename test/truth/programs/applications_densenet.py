# keras.applications.DenseNet121/169/201.
import keras
from keras import layers

base = keras.applications.DenseNet121(weights=None, include_top=False, input_shape=(64, 64, 3))
inputs = keras.Input(shape=(64, 64, 3))
x = base(inputs)
x = layers.GlobalAveragePooling2D()(x)
model = keras.Model(inputs, layers.Dense(14, activation="sigmoid")(x))

d169 = keras.applications.DenseNet169(weights=None, include_top=False, pooling="max", input_shape=(40, 52, 3))
inputs2 = keras.Input(shape=(40, 52, 3))
model2 = keras.Model(inputs2, layers.Dense(3)(d169(inputs2)))

img = keras.Input(shape=(32, 32, 3))
d201 = keras.applications.densenet.DenseNet201(weights=None, classes=10, input_tensor=img, input_shape=(32, 32, 3))
model3 = keras.Model(d201.input, d201.output)
