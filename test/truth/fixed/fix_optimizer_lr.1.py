# This sample tests the fix of Keras 2's lr= for an optimizer.
import keras
from keras import layers
from keras.optimizers import Adam

model = keras.Sequential([keras.Input(shape=(40,)), layers.Dense(3, activation="softmax")])
model.compile(loss="categorical_crossentropy", optimizer=Adam(learning_rate=0.001), metrics=["accuracy"])
#                                                        ^^^^^^^^^^^^^ error keras-error
#   fix*: Rename lr= to learning_rate=
