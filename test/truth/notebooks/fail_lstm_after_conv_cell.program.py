import keras
from keras import layers
get_ipython().run_line_magic('load_ext', 'autoreload')
inputs = keras.Input(shape=(28, 28, 1))
x = layers.Conv2D(8, 3)(inputs)
x = layers.MaxPooling2D()(x)
get_ipython().system('nvidia-smi')
get_ipython().run_line_magic('pinfo', 'layers.LSTM')
x = layers.LSTM(16)(x)
outputs = layers.Dense(10)(x)
model = keras.Model(inputs, outputs)
