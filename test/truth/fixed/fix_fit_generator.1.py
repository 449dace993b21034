# This sample tests the fix of Keras 2's fit_generator.
import numpy as np
import keras
from keras import layers


def batches(batch_size=8):
    for _ in range(4):
        yield np.random.rand(batch_size, 12).astype("float32"), np.random.rand(batch_size, 1).astype("float32")


model = keras.Sequential([keras.Input(shape=(12,)), layers.Dense(1)])
model.compile(optimizer="adam", loss="mse")
model.fit(batches(), steps_per_epoch=2, epochs=1, verbose=0)
# ^^^^^^^^^^^^^^^^^ error keras-error
#   fix*: Call fit( instead of fit_generator( (Keras 3's fit takes generators)
