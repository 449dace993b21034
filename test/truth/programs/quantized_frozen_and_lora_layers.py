import keras
from keras import layers

model = keras.Sequential([
    keras.Input(shape=(20,)),
    layers.Embedding(5000, 64, trainable=False),
    layers.Dense(128, activation="relu", dtype="int8_from_float32"),
    layers.Dense(64, lora_rank=4, dtype="int4_from_mixed_bfloat16"),
    layers.Dense(32, lora_rank=8),
    layers.EinsumDense("abc,cd->abd", (20, 16), bias_axes="d", dtype="float8_from_float32"),
    layers.GlobalAveragePooling1D(),
    layers.Dense(10, activation="softmax"),
])
model.summary()
