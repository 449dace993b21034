"""A small U-Net for image segmentation, and a classifier with two inputs.

The U-Net's encoder halves the image twice, its decoder doubles it back, and
skip connections carry each level's features across to the decoder, where
they are concatenated with the upsampled ones.
"""
import keras
from keras import layers


def build_unet(size=64, channels=3, classes=2):
    image = keras.Input(shape=(size, size, channels), name="image")
    skip1 = layers.Conv2D(16, 3, padding="same", activation="relu")(image)
    x = layers.MaxPooling2D()(skip1)
    skip2 = layers.Conv2D(32, 3, padding="same", activation="relu")(x)
    x = layers.MaxPooling2D()(skip2)
    x = layers.Conv2D(64, 3, padding="same", activation="relu")(x)
    x = layers.Conv2DTranspose(32, 2, strides=2, padding="same")(x)
    x = layers.Concatenate()([x, skip2])
    x = layers.Conv2D(32, 3, padding="same", activation="relu")(x)
    x = layers.Conv2DTranspose(16, 2, strides=2, padding="same")(x)
    x = layers.Concatenate()([x, skip1])
    x = layers.Conv2D(16, 3, padding="same", activation="relu")(x)
    mask = layers.Conv2D(classes, 1, activation="softmax", name="mask")(x)
    return keras.Model(image, mask, name="unet")


unet = build_unet()
unet.compile(optimizer="adam", loss="sparse_categorical_crossentropy")

# A photo and its metadata in, one of three classes out.
photo = keras.Input(shape=(64, 64, 3), name="photo")
metadata = keras.Input(shape=(8,), name="metadata")
features = layers.Conv2D(8, 3, strides=2, activation="relu")(photo)
features = layers.GlobalAveragePooling2D()(features)
context = layers.Dense(8, activation="relu")(metadata)
merged = layers.Concatenate()([features, context])
label = layers.Dense(3, activation="softmax", name="label")(merged)
classifier = keras.Model([photo, metadata], label, name="classifier")
classifier.compile(optimizer="adam", loss="categorical_crossentropy")

unet.summary()
classifier.summary()
