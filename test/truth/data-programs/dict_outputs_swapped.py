import numpy as np
import keras
from keras import layers

inputs = keras.Input(shape=(20,), name="features")
h = layers.Dense(16, activation="relu")(inputs)
dept = layers.Dense(4, activation="softmax", name="department")(h)
prio = layers.Dense(1, activation="sigmoid", name="priority")(h)
model = keras.Model(inputs=inputs, outputs={"department": dept, "priority": prio})
model.compile(
    optimizer="adam",
    loss={"department": "categorical_crossentropy", "priority": "binary_crossentropy"},
)

x = np.random.rand(64, 20).astype("float32")
dept_targets = keras.utils.to_categorical(np.random.randint(0, 4, size=64), 4)
prio_targets = np.random.randint(0, 2, size=(64, 1))
model.fit(x, {"department": prio_targets, "priority": dept_targets}, batch_size=16, epochs=1)
