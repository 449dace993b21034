import keras
from keras import layers

def vgg_block(x, filters, convs):
    for _ in range(convs):
        x = layers.Conv2D(filters, 3, padding="same", activation="relu")(x)
    return layers.MaxPooling2D(2)(x)

inputs = keras.Input(shape=(28, 28, 1))
x = inputs
for filters in [32, 64, 128]:
    x = vgg_block(x, filters, 2)
x = layers.Flatten()(x)
outputs = layers.Dense(10, activation="softmax")(x)
model = keras.Model(inputs, outputs)
model.summary()
