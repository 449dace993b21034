# This sample tests the loss/last-activation warnings, and their absence
# where the pair fits.
import keras
from keras import layers

a = keras.Sequential([keras.Input(shape=(8,)), layers.Dense(3, activation="sigmoid")])
a.compile(optimizer="adam", loss="categorical_crossentropy")
# ^^^^^^^ warning loss-activation-mismatch
#   fix*: Change the last activation to "softmax"
#   fix: Change the loss to "binary_crossentropy"

b = keras.Sequential([keras.Input(shape=(8,)), layers.Dense(2, activation="softmax")])
b.compile(optimizer="adam", loss="binary_crossentropy")
# ^^^^^^^ warning loss-activation-mismatch
#   fix: Change the last activation to "sigmoid"
#   fix: Change the loss to "categorical_crossentropy"

c = keras.Sequential([keras.Input(shape=(8,)), layers.Dense(1)])
c.compile(optimizer="adam", loss="binary_crossentropy")
# ^^^^^^^ warning loss-activation-mismatch
#   fix*: Change the last activation to "sigmoid"
#   fix: Change the loss to keras.losses.BinaryCrossentropy(from_logits=True)

d = keras.Sequential([keras.Input(shape=(8,)), layers.Dense(3)])
d.compile(optimizer="adam", loss="mse")
# ^^^^^^^ warning loss-activation-mismatch
#   fix*: Make the last layer linear (drop activation="softmax")
#   fix: Change the loss to "categorical_crossentropy"

fine1 = keras.Sequential([keras.Input(shape=(8,)), layers.Dense(3, activation="softmax")])
fine1.compile(optimizer="adam", loss="categorical_crossentropy")
fine2 = keras.Sequential([keras.Input(shape=(8,)), layers.Dense(1, activation="sigmoid")])
fine2.compile(optimizer="adam", loss="binary_crossentropy")
fine3 = keras.Sequential([keras.Input(shape=(8,)), layers.Dense(1)])
fine3.compile(optimizer="adam", loss=keras.losses.BinaryCrossentropy(from_logits=True))
fine4 = keras.Sequential([keras.Input(shape=(8,)), layers.Dense(3)])
fine4.compile(optimizer="adam", loss="mse")
