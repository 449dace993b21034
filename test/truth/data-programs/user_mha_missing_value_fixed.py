import numpy as np
import keras
from keras import layers

x_train = np.random.rand(100, 12, 32).astype("float32")
y_train = np.random.randint(0, 2, size=(100,))

inputs = keras.Input(shape=(12, 32))
x = layers.MultiHeadAttention(num_heads=4, key_dim=8)(inputs, inputs)
x = layers.GlobalAveragePooling1D()(x)
outputs = layers.Dense(1, activation="sigmoid")(x)
model = keras.Model(inputs, outputs)
model.compile(optimizer="adam", loss="binary_crossentropy")
model.fit(x_train, y_train, epochs=2)
