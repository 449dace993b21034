import numpy as np
import keras
from keras import layers
from keras.callbacks import EarlyStopping, ModelCheckpoint

x = np.random.rand(32, 8).astype("float32")
y = np.random.rand(32, 1).astype("float32")
model = keras.Sequential([keras.Input(shape=(8,)), layers.Dense(4, activation="relu"), layers.Dense(1)])
model.compile(optimizer="adam", loss="mse")
callbacks = [
    EarlyStopping(monitor="loss", patience=2),
    ModelCheckpoint("best_model.weights.h5", monitor="loss", save_best_only=True, save_weights_only=True),
]
model.fit(x, y, epochs=1, batch_size=16, callbacks=callbacks, verbose=0)
