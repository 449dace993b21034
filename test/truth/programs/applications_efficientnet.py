# keras.applications.EfficientNetB0-B7 as backbones.
import keras
from keras import layers

IMG_SIZE = 224
inputs = keras.Input(shape=(IMG_SIZE, IMG_SIZE, 3))
model0 = keras.applications.EfficientNetB0(include_top=False, input_tensor=inputs, weights=None)
model0.trainable = False
x = layers.GlobalAveragePooling2D(name="avg_pool")(model0.output)
x = layers.BatchNormalization()(x)
x = layers.Dropout(0.2, name="top_dropout")(x)
outputs = layers.Dense(120, activation="softmax", name="pred")(x)
model = keras.Model(inputs, outputs, name="EfficientNet")

b3 = keras.applications.EfficientNetB3(weights=None, include_top=False, input_shape=(96, 128, 3), pooling="avg")
inputs2 = keras.Input(shape=(96, 128, 3))
model2 = keras.Model(inputs2, layers.Dense(5)(b3(inputs2)))

b1 = keras.applications.efficientnet.EfficientNetB1(weights=None, classes=7, input_shape=(65, 65, 3))
inputs3 = keras.Input(shape=(65, 65, 3))
model3 = keras.Model(inputs3, b1(inputs3))

b7 = keras.applications.EfficientNetB7(weights=None, include_top=False, input_shape=(64, 64, 3))
inputs4 = keras.Input(shape=(64, 64, 3))
model4 = keras.Model(inputs4, layers.GlobalMaxPooling2D()(b7(inputs4)))
