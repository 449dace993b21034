import numpy as np
import keras
from keras import layers

x_test = np.random.rand(20, 10).astype("float32")
model = keras.Sequential([
    keras.Input(shape=(10,)),
    layers.Dense(32, activation="relu"),
    layers.Dense(4, activation="softmax"),
])
model.compile(optimizer="adam", loss="categorical_crossentropy")
classes = model.predict_classes(x_test)
print(classes[:5])
