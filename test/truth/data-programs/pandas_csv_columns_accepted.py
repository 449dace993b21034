import numpy as np
import pandas as pd
import keras
from keras import layers

# A CSV of 9 columns: 8 features and the label last, written here so the program runs anywhere.
table = pd.DataFrame(np.random.rand(120, 9), columns=[f"c{i}" for i in range(9)])
table["c8"] = np.random.randint(0, 2, size=120)
table.to_csv("pima_like.csv", index=False)

df = pd.read_csv("pima_like.csv")
X = df.iloc[:, 0:8].values
y = df.iloc[:, 8].values
features = pd.read_csv("pima_like.csv", usecols=["c0", "c1", "c2"]).to_numpy()
rest = df.drop(columns=["c8"]).values

model = keras.Sequential([
    keras.Input(shape=(8,)),
    layers.Dense(12, activation="relu"),
    layers.Dense(1, activation="sigmoid"),
])
model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
model.fit(X, y, batch_size=10, epochs=1)
model.fit(rest, y, batch_size=10, epochs=1)
