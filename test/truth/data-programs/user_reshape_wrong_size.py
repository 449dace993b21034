import keras
from keras import layers

latent = keras.Input(shape=(100,))
x = layers.Dense(7 * 7 * 64, activation="relu")(latent)
x = layers.Reshape((7, 7, 128))(x)
x = layers.Conv2DTranspose(32, 3, strides=2, padding="same", activation="relu")(x)
img = layers.Conv2DTranspose(1, 3, strides=2, padding="same", activation="sigmoid")(x)
generator = keras.Model(latent, img)
generator.summary()
