# This sample tests the warning for a batch size written into an input shape.
import keras
from keras import layers

BATCH_SIZE = 32

# Keras accepts these, with an extra axis: (None, 32, 784) and (None, 32, 20).
inputs = keras.Input(shape=(BATCH_SIZE, 784))
#                           ^^^^^^^^^^ warning input-includes-batch
outputs = layers.Dense(10, activation="softmax")(inputs)
model = keras.Model(inputs, outputs)

seq = keras.Sequential([keras.Input(shape=[BATCH_SIZE, 20]), layers.Dense(4)])
#                                       ^^^^^^^^^^^^^^^^^^^^^^^^^^^^ info input-shape-argument
#   fix*: Start the model with keras.Input(shape=[BATCH_SIZE, 20]) instead of input_shape=
#                                                    ^^^^^^^^^^ warning input-includes-batch

# Not a batch size: a sequence length and a fixed batch given the right way.
seq_len = 100
text = keras.Input(shape=(seq_len, 16), batch_size=BATCH_SIZE)
fixed = keras.Input(batch_shape=(BATCH_SIZE, 8))

# Keras raises on the convolution: its input has rank 5.
images = keras.Input(shape=(BATCH_SIZE, 28, 28, 1))
#                           ^^^^^^^^^^ warning input-includes-batch
features = layers.Conv2D(8, 3)(images)
#          ^^^^^^^^^^^^^^^^^^^^^^^^^^^ error keras-error
