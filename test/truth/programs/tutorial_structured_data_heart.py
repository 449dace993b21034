"""Structured data classification from scratch (keras-io examples/structured_data/structured_data_classification_from_scratch.py);
the heart-disease CSV replaced by a few made-up rows, the tf.data pipeline and the lookup layers (they need TensorFlow) by NumPy arrays."""

import numpy as np
import keras
from keras import layers

rows = 40
rng = np.random.default_rng(1337)
columns = {
    "age": rng.integers(29, 77, size=rows),
    "sex": rng.integers(0, 2, size=rows),
    "cp": rng.integers(0, 5, size=rows),
    "trestbps": rng.integers(94, 200, size=rows),
    "chol": rng.integers(126, 564, size=rows),
    "fbs": rng.integers(0, 2, size=rows),
    "restecg": rng.integers(0, 3, size=rows),
    "thalach": rng.integers(71, 202, size=rows),
    "exang": rng.integers(0, 2, size=rows),
    "oldpeak": rng.uniform(0, 6.2, size=rows),
    "slope": rng.integers(1, 4, size=rows),
    "ca": rng.integers(0, 4, size=rows),
    "thal": rng.choice(["fixed", "normal", "reversible"], size=rows),
    "target": rng.integers(0, 2, size=rows),
}

COLUMN_NAMES = [
    "age",
    "sex",
    "cp",
    "trestbps",
    "chol",
    "fbs",
    "restecg",
    "thalach",
    "exang",
    "oldpeak",
    "slope",
    "ca",
    "thal",
    "target",
]
# Target feature name.
TARGET_FEATURE_NAME = "target"
# Numeric feature names.
NUMERIC_FEATURE_NAMES = ["age", "trestbps", "thalach", "oldpeak", "slope", "chol"]

CATEGORICAL_FEATURES_WITH_VOCABULARY = {
    "sex": [0, 1],
    "cp": [0, 1, 2, 3, 4],
    "fbs": [0, 1],
    "restecg": [0, 1, 2],
    "exang": [0, 1],
    "ca": [0, 1, 2, 3],
    "thal": ["fixed", "normal", "reversible"],
}
# All features names.
FEATURE_NAMES = NUMERIC_FEATURE_NAMES + list(
    CATEGORICAL_FEATURES_WITH_VOCABULARY.keys()
)


def encode_categorical(features, target):
    for feature_name in features:
        if feature_name in CATEGORICAL_FEATURES_WITH_VOCABULARY:
            vocabulary = CATEGORICAL_FEATURES_WITH_VOCABULARY[feature_name]
            # One-hot encode the values (what the lookup layers with output_mode="binary" give).
            value_index = np.array(
                [[1 if value == v else 0 for v in vocabulary] for value in features[feature_name]]
            )
            features[feature_name] = value_index

        else:
            pass

    return dict(features), target


def encode_numerical_feature(feature, name, dataset):
    # Create a Normalization layer for our feature
    normalizer = layers.Normalization()
    # Prepare the feature alone
    feature_values = np.expand_dims(dataset[name].astype("float32"), -1)
    # Learn the statistics of the data
    normalizer.adapt(feature_values)
    # Normalize the input feature
    encoded_feature = normalizer(feature)
    return encoded_feature


features = {name: columns[name] for name in FEATURE_NAMES}
train_x, train_y = encode_categorical(dict(features), columns["target"])


def create_model_inputs():
    inputs = {}

    # This a helper function for creating categorical features
    def create_input_helper(feature_name):
        num_categories = len(CATEGORICAL_FEATURES_WITH_VOCABULARY[feature_name])
        inputs[feature_name] = layers.Input(
            name=feature_name, shape=(num_categories,), dtype="int64"
        )
        return inputs

    for feature_name in FEATURE_NAMES:
        if feature_name in CATEGORICAL_FEATURES_WITH_VOCABULARY:
            # Categorical features
            create_input_helper(feature_name)
        else:
            # Make them float32, they are Real numbers
            feature_input = layers.Input(name=feature_name, shape=(1,), dtype="float32")
            # Process the Inputs here
            inputs[feature_name] = encode_numerical_feature(
                feature_input, feature_name, columns
            )
    return inputs


# This Layer defines the logic of the Model to perform the classification
class Classifier(keras.layers.Layer):

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.dense_1 = layers.Dense(32, activation="relu")
        self.dropout = layers.Dropout(0.5)
        self.dense_2 = layers.Dense(1, activation="sigmoid")

    def call(self, inputs):
        all_features = layers.concatenate(list(inputs.values()))
        x = self.dense_1(all_features)
        x = self.dropout(x)
        output = self.dense_2(x)
        return output

    # Surpress build warnings
    def build(self, input_shape):
        self.built = True


# Create the Classifier model
def create_model():
    all_inputs = create_model_inputs()
    output = Classifier()(all_inputs)
    model = keras.Model(all_inputs, output)
    return model


model = create_model()
model.compile("adam", "binary_crossentropy", metrics=["accuracy"])
model.summary()
