# keras.applications.MobileNetV2: alpha, sizes, input_tensor, the top, layers reached by name.
import keras
from keras import layers

IMG_SHAPE = (160, 160, 3)
base_model = keras.applications.MobileNetV2(input_shape=IMG_SHAPE, include_top=False, weights=None)
base_model.trainable = False
inputs = keras.Input(shape=IMG_SHAPE)
x = base_model(inputs, training=False)
x = layers.GlobalAveragePooling2D()(x)
outputs = layers.Dense(1)(x)
model = keras.Model(inputs, outputs)

# Built on the file's own input: every layer of the network is a row of the model.
img = keras.Input(shape=(96, 96, 3))
net = keras.applications.MobileNetV2(weights=None, include_top=False, input_tensor=img, alpha=0.35)
features = layers.GlobalMaxPooling2D()(net.output)
model2 = keras.Model(img, layers.Dense(3)(features))

# Intermediate features by layer name (a U-Net encoder).
encoder_base = keras.applications.MobileNetV2(input_shape=(128, 128, 3), include_top=False, weights=None, alpha=1.4)
names = ["block_1_expand_relu", "block_3_expand_relu", "block_6_expand_relu", "block_13_expand_relu", "block_16_project"]
skips = [encoder_base.get_layer(name).output for name in names]
encoder = keras.Model(inputs=encoder_base.input, outputs=skips)

# The classifier top, with classes, on an odd size.
clf = keras.applications.MobileNetV2(input_shape=(97, 113, 3), weights=None, classes=10, alpha=0.75)
inputs4 = keras.Input(shape=(97, 113, 3))
model4 = keras.Model(inputs4, clf(inputs4))
