"""Timeseries forecasting for weather prediction (keras-io examples/timeseries/timeseries_weather_forecasting.py);
the Jena climate CSV replaced by random values (fewer rows), the windows made with NumPy."""

import numpy as np
from tensorflow import keras

split_fraction = 0.715
rows = 2000
train_split = int(split_fraction * rows)
step = 6

past = 720
future = 72
learning_rate = 0.001
batch_size = 256
epochs = 1

values = np.random.normal(size=(rows, 7)).astype("float32")


def normalize(data, train_split):
    data_mean = data[:train_split].mean(axis=0)
    data_std = data[:train_split].std(axis=0)
    return (data - data_mean) / data_std


features = normalize(values, train_split)

sequence_length = int(past / step)

starts = np.arange(0, train_split - past, 50)
x_windows = np.stack([features[s : s + past : step] for s in starts])
y_windows = features[starts + past + future][:, 1:2]

print("Input shape:", x_windows.shape)
print("Target shape:", y_windows.shape)

inputs = keras.layers.Input(shape=(x_windows.shape[1], x_windows.shape[2]))
lstm_out = keras.layers.LSTM(32)(inputs)
outputs = keras.layers.Dense(1)(lstm_out)

model = keras.Model(inputs=inputs, outputs=outputs)
model.compile(optimizer=keras.optimizers.Adam(learning_rate=learning_rate), loss="mse")
model.summary()

path_checkpoint = "model_checkpoint.weights.h5"
es_callback = keras.callbacks.EarlyStopping(monitor="val_loss", min_delta=0, patience=5)

modelckpt_callback = keras.callbacks.ModelCheckpoint(
    monitor="val_loss",
    filepath=path_checkpoint,
    verbose=1,
    save_weights_only=True,
    save_best_only=True,
)

history = model.fit(
    x_windows,
    y_windows,
    epochs=epochs,
    validation_split=0.2,
    callbacks=[es_callback, modelckpt_callback],
)

print(model.predict(x_windows[:1])[0])
