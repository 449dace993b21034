# Freezing under a condition the source cannot decide (an environment variable): which weights train is unknown, how many there are is not.
import os

import keras
from keras import layers

inputs = keras.Input((8,))
base = keras.Sequential([keras.Input((8,)), layers.Dense(16), layers.Dense(4)])
if os.environ.get("FREEZE_BASE"):
    base.trainable = False
model = keras.Model(inputs, layers.Dense(1)(base(inputs)))
