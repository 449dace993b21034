# K-fold validation on the small California housing set: one model per fold, each
# built by its first batch in fit (a Sequential without an Input).
import numpy as np
import keras
from keras import layers
from keras.datasets import boston_housing, california_housing, reuters

(train_data, train_targets), (test_data, test_targets) = california_housing.load_data(version="small")
mean = train_data.mean(axis=0)
std = train_data.std(axis=0)
x_train = (train_data - mean) / std
y_train = train_targets / 100000


def get_model():
    model = keras.Sequential([layers.Dense(64, activation="relu"), layers.Dense(64, activation="relu"), layers.Dense(1)])
    model.compile(optimizer="adam", loss="mean_squared_error", metrics=["mean_absolute_error"])
    return model


k = 4
num_val_samples = len(x_train) // k
all_scores = []
for i in range(k):
    fold_x_val = x_train[i * num_val_samples : (i + 1) * num_val_samples]
    fold_y_val = y_train[i * num_val_samples : (i + 1) * num_val_samples]
    fold_x_train = np.concatenate([x_train[: i * num_val_samples], x_train[(i + 1) * num_val_samples :]], axis=0)
    fold_y_train = np.concatenate([y_train[: i * num_val_samples], y_train[(i + 1) * num_val_samples :]], axis=0)
    model = get_model()
    model.fit(fold_x_train, fold_y_train, epochs=1, batch_size=16, verbose=0)
    val_mse, val_mae = model.evaluate(fold_x_val, fold_y_val, verbose=0)
    all_scores.append(val_mae)

(bx, by), (bx_test, by_test) = boston_housing.load_data(test_split=0.25)
boston = keras.Sequential([keras.Input(shape=bx.shape[1:]), layers.Dense(8), layers.Dense(bx_test.shape[0] // 100)])
(rx, ry), (rx_test, ry_test) = reuters.load_data(num_words=1000, test_split=0.1)
newswires = keras.Sequential([keras.Input(shape=(len(rx) // 1000,)), layers.Dense(len(rx_test) // 100)])
large = california_housing.load_data()[0][0]
housing = keras.Sequential([keras.Input(shape=(large.shape[0] // 1000,)), layers.Dense(large.shape[1])])
