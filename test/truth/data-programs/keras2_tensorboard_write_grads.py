import numpy as np
import keras
from keras import layers
from keras.callbacks import ReduceLROnPlateau, TensorBoard

x = np.random.rand(32, 8).astype("float32")
y = np.random.rand(32, 1).astype("float32")
model = keras.Sequential([keras.Input(shape=(8,)), layers.Dense(1)])
model.compile(optimizer="adam", loss="mse")
reduce_lr = ReduceLROnPlateau(monitor="loss", factor=0.5, patience=1, epsilon=1e-4)
board = TensorBoard(log_dir="./logs", histogram_freq=0, write_graph=False, write_grads=True)
model.fit(x, y, epochs=1, callbacks=[reduce_lr, board], verbose=0)
