import numpy as np
import keras
from keras import layers


class SmallCNN(keras.Model):
    def __init__(self, classes):
        super().__init__()
        self.conv = layers.Conv2D(8, 3, activation="relu")
        self.pool = layers.GlobalAveragePooling2D()
        self.head = layers.Dense(classes)

    def call(self, images):
        return self.head(self.pool(self.conv(images)))


images = np.random.rand(6, 28, 28, 1).astype("float32")
model = SmallCNN(10)
scores = model.predict(images)
