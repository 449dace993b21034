import numpy as np
import keras
from keras import layers

# 500 sentences of 30 word vectors (100 wide); 6 intents, one-hot
X = np.random.rand(500, 30, 100).astype("float32")
y = keras.utils.to_categorical(np.random.randint(0, 6, size=500), num_classes=6)

model = keras.Sequential()
model.add(layers.Bidirectional(layers.LSTM(64, return_sequences=True), input_shape=(30, 100)))
model.add(layers.Dropout(0.5))
model.add(layers.Dense(6, activation="softmax"))
model.compile(loss="categorical_crossentropy", optimizer="adam", metrics=["accuracy"])
model.fit(X, y, epochs=10, batch_size=32, validation_split=0.1)
