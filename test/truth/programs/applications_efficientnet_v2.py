# keras.applications.EfficientNetV2B0-B3, S, M, L as backbones.
import keras
from keras import layers

# Transfer learning: a frozen backbone, a new head.
base = keras.applications.EfficientNetV2B0(include_top=False, weights=None, input_shape=(96, 96, 3))
base.trainable = False
inputs = keras.Input(shape=(96, 96, 3))
x = base(inputs, training=False)
x = layers.GlobalAveragePooling2D(name="avg_pool")(x)
x = layers.Dropout(0.2)(x)
outputs = layers.Dense(10, activation="softmax")(x)
model = keras.Model(inputs, outputs, name="transfer")

# Built on the file's own input: every layer of the network is a row.
img = keras.Input(shape=(64, 64, 3))
net = keras.applications.EfficientNetV2B1(include_top=False, weights=None, input_tensor=img, pooling="avg")
model2 = keras.Model(img, layers.Dense(3)(net.output))

# The classifier top with classes, on a non-square size.
b2 = keras.applications.efficientnet_v2.EfficientNetV2B2(weights=None, classes=7, input_shape=(65, 97, 3))
inputs3 = keras.Input(shape=(65, 97, 3))
model3 = keras.Model(inputs3, b2(inputs3))

# Without preprocessing, max pooling.
b3 = keras.applications.EfficientNetV2B3(weights=None, include_top=False, pooling="max", input_shape=(48, 48, 3), include_preprocessing=False)
inputs4 = keras.Input(shape=(48, 48, 3))
model4 = keras.Model(inputs4, layers.Dense(2)(b3(inputs4)))

# S, M and L: fused blocks first, a Rescaling stem; one channel skips the B variants' normalization.
s = keras.applications.EfficientNetV2S(weights=None, include_top=False, input_shape=(64, 64, 3))
inputs5 = keras.Input(shape=(64, 64, 3))
model5 = keras.Model(inputs5, layers.GlobalAveragePooling2D()(s(inputs5)))

m = keras.applications.EfficientNetV2M(weights=None, classes=5, input_shape=(32, 32, 3), classifier_activation=None)
inputs6 = keras.Input(shape=(32, 32, 3))
model6 = keras.Model(inputs6, m(inputs6))

l = keras.applications.EfficientNetV2L(weights=None, include_top=False, pooling="avg", input_shape=(40, 40, 1))
inputs7 = keras.Input(shape=(40, 40, 1))
model7 = keras.Model(inputs7, l(inputs7))

gray = keras.applications.EfficientNetV2B0(weights=None, include_top=False, input_shape=(32, 32, 1))
inputs8 = keras.Input(shape=(32, 32, 1))
model8 = keras.Model(inputs8, gray(inputs8))

# A variant may take another's name from Keras's table: its blocks are that variant's.
s_named = keras.applications.EfficientNetV2B0(weights=None, include_top=False, input_shape=(32, 32, 3), name="efficientnetv2-s")
inputs9 = keras.Input(shape=(32, 32, 3))
model9 = keras.Model(inputs9, s_named(inputs9))

# channels_first: the channel axis moves, and with it the squeeze-and-excitation reshape.
keras.config.set_image_data_format("channels_first")
first = keras.applications.EfficientNetV2B0(weights=None, include_top=False, input_shape=(3, 48, 48))
inputs10 = keras.Input(shape=(3, 48, 48))
model10 = keras.Model(inputs10, first(inputs10))
