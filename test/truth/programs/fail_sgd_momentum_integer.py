# SGD(momentum=0): Keras 3.15 wants a Python float, and refuses the int 0.
import keras
from keras import layers

model = keras.Sequential([keras.Input((4,)), layers.Dense(1)])
model.compile(optimizer=keras.optimizers.SGD(0.01, 0), loss="mse")
