# A kernel size read from a config file stays a string: Keras's standardize_tuple
# accepts int('3') but then compares '3' <= 0 and raises TypeError.
import keras
from keras import layers

config = {"filters": 8, "kernel": "3"}
model = keras.Sequential([
    keras.Input(shape=(10, 32, 2)),
    layers.ConvLSTM1D(config["filters"], kernel_size=config["kernel"], padding="same"),
    layers.Flatten(),
    layers.Dense(1),
])
