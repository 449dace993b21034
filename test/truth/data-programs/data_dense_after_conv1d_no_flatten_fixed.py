import numpy as np
import keras
from keras import layers

# 100 signals of 50 steps, 3 channels; 5 classes one-hot
x = np.random.rand(100, 50, 3).astype("float32")
y = keras.utils.to_categorical(np.random.randint(0, 5, size=100), 5)

model = keras.Sequential([
    keras.Input(shape=(50, 3)),
    layers.Conv1D(32, 5, activation="relu"),
    layers.GlobalAveragePooling1D(),
    layers.Dense(5, activation="softmax"),
])
model.compile(optimizer="adam", loss="categorical_crossentropy")
model.fit(x, y, batch_size=20, epochs=1)
