import numpy as np
import keras
from keras import layers

images = np.random.rand(16, 128, 128, 1).astype("float32")
masks = np.random.randint(0, 2, size=(16, 128, 128, 1)).astype("float32")

inputs = keras.Input(shape=(128, 128, 1))
c1 = layers.Conv2D(16, 3, activation="relu", padding="same")(inputs)
p1 = layers.MaxPooling2D((2, 2))(c1)
c2 = layers.Conv2D(32, 3, activation="relu", padding="same")(p1)
u1 = layers.UpSampling2D((2, 2))(c2)
m1 = layers.concatenate([u1, c1])
c3 = layers.Conv2D(16, 3, activation="relu", padding="same")(m1)
outputs = layers.Conv2D(1, 1, activation="sigmoid")(c3)
model = keras.Model(inputs=[inputs], outputs=[outputs])
model.compile(optimizer="adam", loss="binary_crossentropy")
model.fit(images, masks, batch_size=4, epochs=2)
