# ImageNet weights come with a 1000-class classifier.
import keras

backbone = keras.applications.EfficientNetV2S(include_top=False, weights=None, input_shape=(64, 64, 3))
classifier = keras.applications.EfficientNetV2S(weights="imagenet", classes=10)
