# SGD's momentum must be a float in [0, 1].
import keras
from keras import layers
model = keras.Sequential([keras.Input((4,)), layers.Dense(1)])
model.compile(optimizer=keras.optimizers.SGD(learning_rate=0.01, momentum=1.5), loss="mse")
