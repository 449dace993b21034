"""Text classification from scratch (keras-io examples/nlp/text_classification_from_scratch.py);
the IMDB text files replaced by a few made-up reviews, the TextVectorization layer (it needs TensorFlow) by a small tokenizer; no end-to-end string model."""

import keras
import numpy as np
from keras import layers

texts = np.array(
    [
        "This movie was great, I loved it.",
        "A dull film<br />with no plot.",
        "Wonderful acting and a fine story.",
        "I fell asleep half way through.",
    ]
)
labels = np.array([1, 0, 1, 0])

# Model constants.
max_features = 20000
embedding_dim = 128
sequence_length = 500

def vectorize_text(text, label):
    # What the example's TextVectorization(output_sequence_length=500) gives: token ids, padded.
    ids = np.zeros((len(text), sequence_length), dtype="int64")
    for i, t in enumerate(text):
        words = t.lower().split()
        ids[i, : len(words)] = [2 + sum(map(ord, w)) % (max_features - 2) for w in words]
    return ids, label


x_train, y_train = vectorize_text(texts, labels)
print(x_train.shape)

# A integer input for vocab indices.
inputs = keras.Input(shape=(None,), dtype="int64")

# Next, we add a layer to map those vocab indices into a space of dimensionality
# 'embedding_dim'.
x = layers.Embedding(max_features, embedding_dim)(inputs)
x = layers.Dropout(0.5)(x)

# Conv1D + global max pooling
x = layers.Conv1D(128, 7, padding="valid", activation="relu", strides=3)(x)
x = layers.Conv1D(128, 7, padding="valid", activation="relu", strides=3)(x)
x = layers.GlobalMaxPooling1D()(x)

# We add a vanilla hidden layer:
x = layers.Dense(128, activation="relu")(x)
x = layers.Dropout(0.5)(x)

# We project onto a single unit output layer, and squash it with a sigmoid:
predictions = layers.Dense(1, activation="sigmoid", name="predictions")(x)

model = keras.Model(inputs, predictions)

# Compile the model with binary crossentropy loss and an adam optimizer.
model.compile(loss="binary_crossentropy", optimizer="adam", metrics=["accuracy"])

epochs = 1

# Fit the model using the train and test datasets.
model.fit(x_train, y_train, epochs=epochs)

model.evaluate(x_train, y_train)

model.summary()
