import numpy as np
import keras
from keras import layers

X = np.random.rand(100, 3).astype("float32")
y = np.random.rand(100, 1).astype("float32")
model = keras.Sequential([keras.Input(shape=(3,)), layers.Dense(10, activation="relu"), layers.Dense(1)])
model.compile(optimizer="adam", loss="mse", metrics=["mae"])
model.fit(X, y, epochs=1)
model.save("regressor.h5")
model = keras.models.load_model("regressor.h5", compile=False)
print(model.predict(X[:3]))
