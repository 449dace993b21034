# Dotted paths into Keras 3's modules that exist: layers, ops submodules, applications, schedules, backend, config, utils.
import keras
from keras import backend as K

K.clear_session()
keras.utils.set_random_seed(1)
keras.config.set_floatx("float32")
policy = keras.mixed_precision.Policy("float32")
inputs = keras.layers.Input((16, 16, 3))
x = keras.layers.Conv2D(4, 3, kernel_regularizer=keras.regularizers.L2(1e-4))(inputs)
x = keras.ops.nn.relu(x)
x = keras.ops.numpy.mean(x, axis=(1, 2))
x = keras.layers.Dense(2, kernel_initializer=keras.initializers.GlorotNormal())(x)
model = keras.models.Model(inputs, x)
schedule = keras.optimizers.schedules.CosineDecay(1e-3, 100)
model.compile(optimizer=keras.optimizers.Adam(schedule), loss=keras.losses.MeanSquaredError(), metrics=[keras.metrics.MeanAbsoluteError()])
base = keras.applications.mobilenet_v2.MobileNetV2(input_shape=(32, 32, 3), include_top=False, weights=None)
pre = keras.applications.mobilenet_v2.preprocess_input
fmt = K.image_data_format()
