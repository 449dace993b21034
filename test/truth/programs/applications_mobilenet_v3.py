# keras.applications.MobileNetV3Small/Large: alpha, minimalistic, the top, preprocessing, input_tensor.
import keras
from keras import layers

# Transfer learning: a frozen backbone, a new head.
base_model = keras.applications.MobileNetV3Small(input_shape=(96, 96, 3), include_top=False, weights=None)
base_model.trainable = False
inputs = keras.Input(shape=(96, 96, 3))
x = base_model(inputs, training=False)
x = layers.GlobalAveragePooling2D()(x)
x = layers.Dropout(0.2)(x)
outputs = layers.Dense(5, activation="softmax")(x)
model = keras.Model(inputs, outputs)

# Built on the file's own input: every layer and raw op of the network is a row.
img = keras.Input(shape=(64, 64, 3))
net = keras.applications.MobileNetV3Large(weights=None, include_top=False, input_tensor=img, pooling="avg")
model2 = keras.Model(img, layers.Dense(3)(net.output))

# The classifier top, minimalistic, alpha, classes, on a non-square size.
clf = keras.applications.MobileNetV3Large(input_shape=(72, 88, 3), weights=None, classes=7, alpha=0.75, minimalistic=True)
inputs3 = keras.Input(shape=(72, 88, 3))
model3 = keras.Model(inputs3, clf(inputs3))

# alpha above 1 widens the top; no dropout, no preprocessing.
wide = keras.applications.MobileNetV3Small(input_shape=(48, 48, 3), weights=None, alpha=1.25, dropout_rate=0.0, include_preprocessing=False, classes=4)
inputs4 = keras.Input(shape=(48, 48, 3))
model4 = keras.Model(inputs4, wide(inputs4))

# No input_shape: the input is (None, None, 3), even with the classifier.
free = keras.applications.MobileNetV3Small(weights=None, classes=3, name="free_size")
inputs5 = keras.Input(shape=(None, None, 3))
model5 = keras.Model(inputs5, free(inputs5))

# Max pooling, minimalistic, and a feature map by layer name.
feat = keras.applications.MobileNetV3Small(input_shape=(64, 64, 3), weights=None, include_top=False, pooling="max", minimalistic=True)
mid = feat.get_layer("expanded_conv_3_project_bn").output
model6 = keras.Model(feat.input, [mid, feat.output])

# channels_first: the channel axis moves, and with it every BatchNormalization's.
keras.config.set_image_data_format("channels_first")
first = keras.applications.MobileNetV3Large(input_shape=(3, 64, 64), weights=None, classes=5, minimalistic=True)
inputs7 = keras.Input(shape=(3, 64, 64))
model7 = keras.Model(inputs7, first(inputs7))
