"""OCR model for reading Captchas (keras-io examples/vision/captcha_ocr.py); the captcha files replaced
by made-up labels and random images, the CTC loss and StringLookup by stand-ins (they need TensorFlow)."""

import numpy as np

import keras
from keras import ops
from keras import layers

labels = ["226md", "22d5n", "2356g", "23mdg", "23n88", "243mm"]
characters = set(char for label in labels for char in label)
characters = sorted(list(characters))

print("Number of labels found: ", len(labels))
print("Number of unique characters: ", len(characters))
print("Characters present: ", characters)

# Batch size for training and validation
batch_size = 16

# Desired image dimensions
img_width = 200
img_height = 50

downsample_factor = 4

# Maximum length of any captcha in the dataset
max_length = max([len(label) for label in labels])

# Mapping characters to integers (the vocabulary a StringLookup without mask token makes)
vocabulary = ["[UNK]"] + list(characters)
char_to_num = {char: i for i, char in enumerate(vocabulary)}


def ctc_batch_cost(y_true, y_pred, input_length, label_length):
    return ops.mean(y_pred) * ops.ones_like(ops.cast(label_length, "float32"))


class CTCLayer(layers.Layer):
    def __init__(self, name=None):
        super().__init__(name=name)
        self.loss_fn = ctc_batch_cost

    def call(self, y_true, y_pred):
        # Compute the training-time loss value and add it
        # to the layer using `self.add_loss()`.
        input_length = ops.cast(ops.shape(y_pred)[1], dtype="int64")
        label_length = ops.cast(ops.shape(y_true)[1], dtype="int64")

        # The example multiplies by ops.ones(shape=(batch_len, 1)), which the JAX backend refuses
        # for a traced batch size; ones_like gives the same column of ones.
        ones = ops.ones_like(ops.cast(y_true[:, :1], dtype="int64"))
        input_length = input_length * ones
        label_length = label_length * ones

        loss = self.loss_fn(y_true, y_pred, input_length, label_length)
        self.add_loss(loss)

        # At test time, just return the computed predictions
        return y_pred


def build_model():
    # Inputs to the model
    input_img = layers.Input(
        shape=(img_width, img_height, 1), name="image", dtype="float32"
    )
    labels = layers.Input(name="label", shape=(None,), dtype="float32")

    # First conv block
    x = layers.Conv2D(
        32,
        (3, 3),
        activation="relu",
        kernel_initializer="he_normal",
        padding="same",
        name="Conv1",
    )(input_img)
    x = layers.MaxPooling2D((2, 2), name="pool1")(x)

    # Second conv block
    x = layers.Conv2D(
        64,
        (3, 3),
        activation="relu",
        kernel_initializer="he_normal",
        padding="same",
        name="Conv2",
    )(x)
    x = layers.MaxPooling2D((2, 2), name="pool2")(x)

    new_shape = ((img_width // 4), (img_height // 4) * 64)
    x = layers.Reshape(target_shape=new_shape, name="reshape")(x)
    x = layers.Dense(64, activation="relu", name="dense1")(x)
    x = layers.Dropout(0.2)(x)

    # RNNs
    x = layers.Bidirectional(layers.LSTM(128, return_sequences=True, dropout=0.25))(x)
    x = layers.Bidirectional(layers.LSTM(64, return_sequences=True, dropout=0.25))(x)

    # Output layer
    x = layers.Dense(
        len(vocabulary) + 1, activation="softmax", name="dense2"
    )(x)

    # Add CTC layer for calculating CTC loss at each step
    output = CTCLayer(name="ctc_loss")(labels, x)

    # Define the model
    model = keras.models.Model(
        inputs=[input_img, labels], outputs=output, name="ocr_model_v1"
    )
    # Optimizer
    opt = keras.optimizers.Adam()
    # Compile the model and return
    model.compile(optimizer=opt)
    return model


# Get the model
model = build_model()
model.summary()

epochs = 1
early_stopping_patience = 10
# Add early stopping
early_stopping = keras.callbacks.EarlyStopping(
    monitor="val_loss", patience=early_stopping_patience, restore_best_weights=True
)

train_images = np.random.uniform(size=(4, img_width, img_height, 1)).astype("float32")
train_labels = np.random.randint(1, 10, size=(4, 5)).astype("float32")

# Train the model
history = model.fit(
    {"image": train_images, "label": train_labels},
    epochs=epochs,
    callbacks=[early_stopping],
)

# Get the prediction model by extracting layers till the output layer
prediction_model = keras.models.Model(
    model.input[0], model.get_layer(name="dense2").output
)
prediction_model.summary()

preds = prediction_model.predict(train_images)
input_len = np.ones(preds.shape[0]) * preds.shape[1]
