"""3D Image Classification from CT Scans (keras-io examples/vision/3D_image_classification.py);
the CT scans replaced by random volumes, smaller (64 voxels a side instead of 128)."""

import numpy as np

from tensorflow import keras
from tensorflow.keras import layers

x_train = np.random.uniform(size=(4, 64, 64, 64)).astype("float32")
y_train = np.array([1, 1, 0, 0])
x_test = np.random.uniform(size=(2, 64, 64, 64)).astype("float32")
y_test = np.array([1, 0])
print(
    "Number of samples in train and test are %d and %d."
    % (x_train.shape[0], x_test.shape[0])
)


def normalize(volume):
    min = -1000
    max = 400
    volume = (volume - min) / (max - min)
    # rescale between 0-1
    volume[volume > 1] = 1.0
    volume[volume < 0] = 0.0
    volume = np.expand_dims(volume, axis=3)
    return volume


x_train = np.array([normalize(v) for v in x_train])
x_test = np.array([normalize(v) for v in x_test])


def get_model(img_size, num_classes):
    # build a 3D convolutional neural network model

    inputs = keras.Input(img_size)

    x = layers.Conv3D(filters=16, kernel_size=3, activation="relu")(inputs)
    x = layers.MaxPool3D(pool_size=2)(x)
    x = layers.BatchNormalization()(x)

    x = layers.Conv3D(filters=32, kernel_size=3, activation="relu")(x)
    x = layers.MaxPool3D(pool_size=2)(x)
    x = layers.BatchNormalization()(x)

    x = layers.Conv3D(filters=64, kernel_size=3, activation="relu")(x)
    x = layers.MaxPool3D(pool_size=2)(x)
    x = layers.BatchNormalization()(x)

    x = layers.Conv3D(filters=128, kernel_size=3, activation="relu")(x)
    x = layers.MaxPool3D(pool_size=2)(x)
    x = layers.BatchNormalization()(x)

    x = layers.Flatten()(x)
    x = layers.Dense(units=256, activation="relu")(x)
    x = layers.Dropout(0.3)(x)

    outputs = layers.Dense(units=1, activation="sigmoid")(x)

    # define the model
    model = keras.Model(inputs, outputs, name="3dcnn")
    return model


# build model
model = get_model((64, 64, 64, 1), 2)
model.summary()

# compile model
initial_learning_rate = 0.0001
lr_schedule = keras.optimizers.schedules.ExponentialDecay(
    initial_learning_rate, decay_steps=100000, decay_rate=0.96, staircase=True
)
model.compile(
    loss="binary_crossentropy",
    optimizer=keras.optimizers.Adam(learning_rate=lr_schedule),
    metrics=["acc"],
)

# define callbacks
checkpoint_cb = keras.callbacks.ModelCheckpoint(
    "3d_image_classification.keras", save_best_only=True
)
early_stopping_cb = keras.callbacks.EarlyStopping(monitor="val_acc", patience=10)

epochs = 1
model.fit(
    x_train,
    y_train,
    batch_size=2,
    validation_data=(x_test, y_test),
    epochs=epochs,
    shuffle=True,
    verbose=2,
    callbacks=[checkpoint_cb, early_stopping_cb],
)

prediction = model.predict(np.expand_dims(x_test[0], axis=0))[0]
scores = [1 - prediction[0], prediction[0]]
