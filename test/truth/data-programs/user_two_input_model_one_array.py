import numpy as np
import keras
from keras import layers

images = np.random.rand(120, 32, 32, 3).astype("float32")
meta = np.random.rand(120, 5).astype("float32")
labels = np.random.randint(0, 4, size=(120,))

img_in = keras.Input(shape=(32, 32, 3))
meta_in = keras.Input(shape=(5,))
a = layers.Conv2D(8, 3, activation="relu")(img_in)
a = layers.GlobalAveragePooling2D()(a)
b = layers.Dense(8, activation="relu")(meta_in)
merged = layers.concatenate([a, b])
out = layers.Dense(4, activation="softmax")(merged)
model = keras.Model(inputs=[img_in, meta_in], outputs=out)
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
model.fit(images, labels, epochs=3, batch_size=16)
