import numpy as np
import keras
from keras import layers

inputs = keras.Input(shape=(10,), name="features")
outputs = layers.Dense(3, activation="softmax")(layers.Dense(16, activation="relu")(inputs))
model = keras.Model(inputs, outputs)
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
x = np.random.rand(50, 10)
sample = x[0]
print(model.predict(x[:2]).shape)
print(model.predict(sample))
