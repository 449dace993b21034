import numpy as np
import keras
from keras import layers


class MLP(keras.Model):
    def __init__(self):
        super().__init__()
        self.hidden = layers.Dense(32, activation="relu")
        self.out = layers.Dense(3, activation="softmax")

    def call(self, x):
        return self.out(self.hidden(x))


x = np.random.rand(100, 8).astype("float32")
y = keras.utils.to_categorical(np.random.randint(0, 4, size=100), 4)
model = MLP()
model.compile(optimizer="adam", loss="categorical_crossentropy")
model.fit(x, y, batch_size=10, epochs=1)
