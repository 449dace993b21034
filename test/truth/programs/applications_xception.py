# keras.applications.Xception as a frozen backbone, and its variations.
import keras
from keras import layers

base = keras.applications.Xception(weights=None, input_shape=(150, 150, 3), include_top=False)
base.trainable = False
inputs = keras.Input(shape=(150, 150, 3))
x = layers.Rescaling(scale=1 / 127.5, offset=-1)(inputs)
x = base(x, training=False)
x = layers.GlobalAveragePooling2D()(x)
x = layers.Dropout(0.2)(x)
outputs = layers.Dense(1)(x)
model = keras.Model(inputs, outputs)

# The top with its own classes, on a non-square input.
top = keras.applications.Xception(weights=None, include_top=True, classes=5, input_shape=(71, 90, 3))
inputs2 = keras.Input(shape=(71, 90, 3))
model2 = keras.Model(inputs2, top(inputs2))

# Any size, max pooling, used through a Sequential.
pooled = keras.applications.Xception(weights=None, include_top=False, pooling="max")
model3 = keras.Sequential([keras.Input(shape=(100, 120, 3)), pooled, layers.Dense(4, activation="softmax")])
