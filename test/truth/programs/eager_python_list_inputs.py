import numpy as np
import keras
from keras import layers

# Preprocessing layers read Python data in their own call.
encoder = layers.CategoryEncoding(num_tokens=4, output_mode="multi_hot")
codes = encoder([[0, 1], [2, 3]])
rescale = layers.Rescaling(0.5)
scaled = rescale([[1.0], [2.0]])

# NumPy arrays are converted to tensors.
dense = layers.Dense(3)
y = dense(np.zeros((2, 5)))

model = keras.Sequential([keras.Input(shape=(5,)), dense, layers.Dense(2)])

# Other layers refuse plain Python values given positionally.
out = layers.Dense(4)([[1.0, 2.0], [3.0, 4.0]])
