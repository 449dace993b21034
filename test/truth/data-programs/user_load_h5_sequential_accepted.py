import numpy as np
import keras
from keras import layers

model = keras.Sequential([
    keras.Input(shape=(12,)),
    layers.Dense(24, activation="relu"),
    layers.Dense(3, activation="softmax"),
])
model.save("my_model.h5")
restored = keras.models.load_model("my_model.h5")
restored.summary()
out = restored(np.zeros((2, 12), "float32"))
functional = keras.Model(restored.inputs, restored.layers[-2].output)
functional.summary()
