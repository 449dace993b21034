import keras
from keras import layers

model = keras.Sequential([keras.Input(shape=(8,)), layers.Dense(1)])
opt = keras.optimizers.legacy.Adam(learning_rate=0.01)
model.compile(optimizer=opt, loss="mse")
