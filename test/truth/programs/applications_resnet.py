# keras.applications ResNet50 / ResNet50V2 / ResNet101 and friends.
import keras
from keras import layers

resnet = keras.applications.ResNet50V2(include_top=False, weights=None, input_shape=(32, 32, 3), pooling="avg")
inputs = keras.Input(shape=(32, 32, 3))
features = resnet(inputs)
outputs = layers.Dense(10)(features)
model = keras.Model(inputs, outputs, name="encoder")

inputs2 = keras.Input(shape=(224, 224, 3))
backbone = keras.applications.ResNet50(include_top=False, weights=None, input_tensor=inputs2)
x = layers.GlobalAveragePooling2D()(backbone.output)
model2 = keras.Model(inputs2, layers.Dense(2, activation="softmax")(x))

deep = keras.applications.resnet.ResNet101(weights=None, include_top=True, classes=3, input_shape=(64, 64, 3))
deep.trainable = False
inputs3 = keras.Input(shape=(64, 64, 3))
model3 = keras.Model(inputs3, deep(inputs3))

v2 = keras.applications.ResNet152V2(weights=None, include_top=False, pooling="max", input_shape=(48, 40, 3))
model4 = keras.Sequential([keras.Input(shape=(48, 40, 3)), v2, layers.Dense(1)])
