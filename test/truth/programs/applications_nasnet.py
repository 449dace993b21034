# keras.applications.NASNetMobile/NASNetLarge: normal and reduction cells, adjusted skip inputs.
import keras
from keras import layers

# Transfer learning: a frozen backbone (NASNetMobile without its top defaults to 224x224x3).
base = keras.applications.NASNetMobile(include_top=False, weights=None)
base.trainable = False
inputs = keras.Input(shape=(224, 224, 3))
x = base(inputs, training=False)
x = layers.GlobalAveragePooling2D()(x)
outputs = layers.Dense(10, activation="softmax")(x)
model = keras.Model(inputs, outputs)

# Built on the file's own input: every layer of the network is a row.
img = keras.Input(shape=(64, 64, 3))
net = keras.applications.NASNetMobile(include_top=False, weights=None, input_tensor=img, input_shape=(64, 64, 3), pooling="avg")
model2 = keras.Model(img, layers.Dense(3)(net.output))

# The classifier top with classes, on a non-square odd size.
clf = keras.applications.nasnet.NASNetMobile(weights=None, classes=7, input_shape=(45, 61, 3))
inputs3 = keras.Input(shape=(45, 61, 3))
model3 = keras.Model(inputs3, clf(inputs3))

# NASNetLarge: skip_reduction keeps the cell before each reduction as the next input.
large = keras.applications.NASNetLarge(include_top=False, weights=None, input_shape=(64, 64, 3), pooling="max")
inputs4 = keras.Input(shape=(64, 64, 3))
model4 = keras.Model(inputs4, large(inputs4))

large_top = keras.applications.NASNetLarge(weights=None, classes=3, input_shape=(33, 33, 3), name="large_top")
inputs5 = keras.Input(shape=(33, 33, 3))
model5 = keras.Model(inputs5, large_top(inputs5))
