# A model cut before its head with get_layer(name).input and given a new head;
# outputs (and inputs) given as dicts, which Keras orders by sorted key; NumPy
# helpers on arrays with the shapes of the data.
import keras
import numpy as np
from keras import layers

inputs = keras.Input(shape=(None, None, 1))
y = layers.Conv2D(16, 3, padding="same", activation="relu")(inputs)
y = layers.GlobalAveragePooling2D()(y)
y = layers.Dense(48, activation="relu")(y)
outputs = layers.Dense(10, activation="softmax", name="classification_head")(y)
model = keras.Model(inputs, outputs)

features = model.get_layer("classification_head").input
binary_head = layers.Dense(1, activation="sigmoid", name="binary_head")(features)
binary_model = keras.Model(model.input, binary_head)

title = keras.Input((12,), name="title")
body = keras.Input((20,), name="body")
merged = layers.concatenate([title, body])
priority = layers.Dense(1, name="priority")(merged)
department = layers.Dense(4, name="department")(merged)
ticket_model = keras.Model(
    inputs={"title": title, "body": body},
    outputs={"priority": priority, "department": department},
)

grid = np.stack(np.meshgrid(np.arange(4), np.arange(6)))
flat = np.reshape(grid, (2, -1))
probe = keras.Sequential([keras.Input((flat.shape[1],)), layers.Dense(3)])
