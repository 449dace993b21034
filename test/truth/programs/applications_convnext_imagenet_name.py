# With ImageNet weights the model's name must contain the variant's.
import keras

backbone = keras.applications.ConvNeXtTiny(include_top=False, weights="imagenet", input_shape=(64, 64, 3), name="backbone")
