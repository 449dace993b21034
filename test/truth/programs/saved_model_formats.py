# What Keras 3 saves: .keras and .h5 files, *.weights.h5 weights, an unzipped folder; load_model is not followed.
import keras
from keras import layers

model = keras.Sequential(
    [
        keras.Input(shape=(28, 28, 1)),
        layers.Conv2D(8, 3, activation="relu"),
        layers.Flatten(),
        layers.Dense(10, activation="softmax"),
    ]
)
model.save("classifier.keras")
model.save("classifier.h5", include_optimizer=False)
keras.saving.save_model(model, "classifier.hdf5")
model.save("classifier_folder", zipped=False)
model.save_weights("classifier.weights.h5")
restored = keras.models.load_model("classifier.keras")
head = keras.Sequential([keras.Input(shape=(10,)), layers.Dense(2)])
