import numpy as np
import keras
from keras import layers
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import LabelEncoder

images = np.random.rand(90, 8, 8, 3).astype("float32")
labels = np.random.randint(0, 5, size=90)
weights = np.random.rand(90)
a_train, a_test, l_train, l_test, w_train, w_test = train_test_split(images, labels, weights, test_size=17)
l_train = LabelEncoder().fit_transform(l_train)

model = keras.Sequential([
    keras.Input(shape=(8, 8, 3)),
    layers.Conv2D(4, 3, activation="relu"),
    layers.GlobalAveragePooling2D(),
    layers.Dense(5, activation="softmax"),
])
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
model.fit(a_train, l_train[:60], sample_weight=w_train, batch_size=8, epochs=1)
