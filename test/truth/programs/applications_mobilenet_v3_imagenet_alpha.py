# ImageNet weights exist for MobileNetV3 only with alpha 0.75 or 1.0.
import keras

ok = keras.applications.MobileNetV3Large(input_shape=(64, 64, 3), include_top=False, weights=None, alpha=0.5)
bad = keras.applications.MobileNetV3Large(input_shape=(224, 224, 3), include_top=False, weights="imagenet", alpha=0.5)
