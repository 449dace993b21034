# keras.applications.InceptionResNetV2: unnamed conv2d_bn layers, CustomScaleLayer residuals.
import keras
from keras import layers

# Transfer learning: a frozen backbone, a new head.
base = keras.applications.InceptionResNetV2(include_top=False, weights=None, input_shape=(75, 75, 3))
base.trainable = False
inputs = keras.Input(shape=(75, 75, 3))
x = base(inputs, training=False)
x = layers.GlobalAveragePooling2D()(x)
outputs = layers.Dense(10, activation="softmax")(x)
model = keras.Model(inputs, outputs)

# Built on the file's own input: every layer of the network is a row.
img = keras.Input(shape=(80, 80, 3))
net = keras.applications.InceptionResNetV2(include_top=False, weights=None, input_tensor=img, pooling="max")
model2 = keras.Model(img, layers.Dense(3)(net.output))

# The classifier top with classes, on a non-square size.
clf = keras.applications.inception_resnet_v2.InceptionResNetV2(weights=None, classes=7, input_shape=(90, 120, 3), classifier_activation="sigmoid")
inputs3 = keras.Input(shape=(90, 120, 3))
model3 = keras.Model(inputs3, clf(inputs3))

# No input_shape: the network is built on (None, None, 3), then called on a fixed size.
free = keras.applications.InceptionResNetV2(include_top=False, weights=None)
inputs4 = keras.Input(shape=(100, 100, 3))
model4 = keras.Model(inputs4, free(inputs4))

# channels_first: the branches are concatenated on axis 1.
keras.config.set_image_data_format("channels_first")
first = keras.applications.InceptionResNetV2(weights=None, include_top=False, input_shape=(3, 75, 75), pooling="avg")
inputs5 = keras.Input(shape=(3, 75, 75))
model5 = keras.Model(inputs5, first(inputs5))
