# keras.applications.ConvNeXtTiny-XLarge: nested Sequential stems, LayerScale, raw residual adds.
import keras
from keras import layers

# Transfer learning: a frozen backbone, a new head.
base = keras.applications.ConvNeXtTiny(include_top=False, weights=None, input_shape=(64, 64, 3))
base.trainable = False
inputs = keras.Input(shape=(64, 64, 3))
x = base(inputs, training=False)
x = layers.GlobalAveragePooling2D()(x)
outputs = layers.Dense(10, activation="softmax")(x)
model = keras.Model(inputs, outputs)

# Built on the file's own input: every layer, nested Sequential and add is a row.
img = keras.Input(shape=(32, 32, 3))
net = keras.applications.ConvNeXtSmall(include_top=False, weights=None, input_tensor=img, pooling="avg")
model2 = keras.Model(img, layers.Dense(3)(net.output))

# The classifier head with classes, on a non-square size; the name prefixes every layer.
clf = keras.applications.convnext.ConvNeXtBase(weights=None, classes=7, input_shape=(40, 72, 3), name="cnx")
inputs3 = keras.Input(shape=(40, 72, 3))
model3 = keras.Model(inputs3, clf(inputs3))

# Max pooling; without preprocessing; one channel (no Normalization either way).
large = keras.applications.ConvNeXtLarge(weights=None, include_top=False, pooling="max", input_shape=(32, 32, 3), include_preprocessing=False)
inputs4 = keras.Input(shape=(32, 32, 3))
model4 = keras.Model(inputs4, large(inputs4))

xl = keras.applications.ConvNeXtXLarge(weights=None, include_top=False, input_shape=(32, 32, 1))
inputs5 = keras.Input(shape=(32, 32, 1))
model5 = keras.Model(inputs5, layers.Flatten()(xl(inputs5)))

# The nested models drew the file's input_layer and functional names.
after = keras.Input(shape=(4,))
model6 = keras.Model(after, layers.Dense(1)(after))
