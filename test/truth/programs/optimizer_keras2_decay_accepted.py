# Keras 3 optimizers still take the Keras 2 argument decay= (ignored, with a warning),
# unlike lr=, which they refuse.
import keras
from keras import layers
model = keras.Sequential([keras.Input((4,)), layers.Dense(2)])
model.compile(optimizer=keras.optimizers.SGD(learning_rate=0.1, momentum=0.9, nesterov=True, decay=1e-6), loss="mse")
