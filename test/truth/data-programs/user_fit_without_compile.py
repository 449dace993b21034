import numpy as np
import keras
from keras import layers

x_train = np.random.rand(300, 20).astype("float32")
y_train = np.random.randint(0, 2, size=(300, 1))

model = keras.Sequential([
    keras.Input(shape=(20,)),
    layers.Dense(16, activation="relu"),
    layers.Dense(1, activation="sigmoid"),
])
model.fit(x_train, y_train, epochs=10, batch_size=32)
