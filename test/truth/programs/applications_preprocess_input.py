# keras.applications.<family>.preprocess_input on symbolic tensors: ops rows by mode (tf, caffe, torch, none).
import keras
from keras import layers

preprocess_input = keras.applications.mobilenet_v2.preprocess_input
base_model = keras.applications.MobileNetV2(input_shape=(96, 96, 3), include_top=False, weights=None)
base_model.trainable = False
inputs = keras.Input(shape=(96, 96, 3))
x = layers.RandomFlip("horizontal")(inputs)
x = preprocess_input(x)
x = base_model(x, training=False)
x = layers.GlobalAveragePooling2D()(x)
model = keras.Model(inputs, layers.Dense(1)(x))

resnet = keras.applications.ResNet50(weights=None, include_top=False, pooling="avg", input_shape=(64, 64, 3))
inputs2 = keras.Input(shape=(64, 64, 3))
x2 = keras.applications.resnet50.preprocess_input(inputs2)
model2 = keras.Model(inputs2, layers.Dense(4)(resnet(x2)))

dense = keras.applications.DenseNet121(weights=None, include_top=False, pooling="max", input_shape=(32, 32, 3))
inputs3 = keras.Input(shape=(32, 32, 3))
x3 = keras.applications.densenet.preprocess_input(inputs3)
x3 = keras.applications.efficientnet.preprocess_input(x3)
model3 = keras.Model(inputs3, dense(x3))
