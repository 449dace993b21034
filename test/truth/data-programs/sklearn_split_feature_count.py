import numpy as np
import keras
from keras import layers
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import MinMaxScaler

X = np.random.rand(250, 13).astype("float32")
y = np.random.rand(250)
X_train, X_test, y_train, y_test = train_test_split(X, y, train_size=0.8)
X_train = MinMaxScaler().fit_transform(X_train)

model = keras.Sequential([
    keras.Input(shape=(12,)),
    layers.Dense(8, activation="relu"),
    layers.Dense(1),
])
model.compile(optimizer="adam", loss="mse")
model.fit(X_train, y_train, batch_size=16, epochs=1)
