import numpy as np
import keras
from keras import layers


def build_model(input_shape, n_classes):
    model = keras.Sequential()
    model.add(keras.Input(shape=input_shape))
    model.add(layers.Conv1D(32, 5, activation="relu"))
    model.add(layers.GlobalMaxPooling1D())
    model.add(layers.Dense(n_classes, activation="softmax"))
    model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    return model


X_train = np.random.rand(240, 100, 3).astype("float32")
y_train = np.random.randint(0, 4, size=(240,))
model = build_model(X_train.shape[1:], 4)
model.fit(X_train, y_train, epochs=10, batch_size=16)
