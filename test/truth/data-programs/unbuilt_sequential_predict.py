import numpy as np
import keras
from keras import layers

model = keras.Sequential([layers.Dense(32, activation="relu"), layers.Dense(4)])
model.compile(optimizer="adam", loss="mse")
x = np.random.rand(20, 6)
print(model.predict(x).shape)
model.summary()
