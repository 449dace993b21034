# Freezing chosen by isinstance against Keras's classes (and a subclass of one), as fine-tuning code does.
import keras
from keras import layers


class ScaledDense(layers.Dense):
    pass


inputs = keras.Input((16, 16, 3))
x = layers.Conv2D(8, 3, name="conv")(inputs)
x = layers.BatchNormalization(name="bn")(x)
x = layers.SpatialDropout2D(0.1)(x)
x = layers.GlobalAveragePooling2D()(x)
x = ScaledDense(8, name="scaled")(x)
outputs = layers.Dense(2, name="head")(x)
model = keras.Model(inputs, outputs)

for layer in model.layers:
    if isinstance(layer, layers.BatchNormalization):
        layer.trainable = False
    if isinstance(layer, layers.Dropout):
        layer.trainable = False
    if isinstance(layer, (layers.Conv2D, ScaledDense)):
        layer.trainable = False
    if isinstance(layer, keras.Model) or isinstance(layer, layers.LSTM):
        layer.trainable = True

frozen = [layer.name for layer in model.layers if not layer.trainable]
head = keras.Sequential([keras.Input((2,)), layers.Dense(len(frozen))])
is_model = isinstance(head, keras.Model) and isinstance(model, keras.Model) and not isinstance(model, keras.Sequential)
both = keras.Sequential([keras.Input((16, 16, 3)), model, layers.Dense(3 if is_model else 5)])
