import numpy as np
import keras
from keras import layers


class MyModel(keras.Model):
    def __init__(self, num_classes=10):
        self.dense1 = layers.Dense(64, activation="relu")
        self.dense2 = layers.Dense(num_classes, activation="softmax")

    def call(self, inputs):
        x = self.dense1(inputs)
        return self.dense2(x)


model = MyModel()
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
x = np.random.rand(32, 20).astype("float32")
y = np.random.randint(0, 10, size=(32,))
model.fit(x, y, epochs=1)
