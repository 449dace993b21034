"""Hands-On Machine Learning (Géron, 3rd ed.), chapters 12 and 13 with TensorFlow itself: a custom
training loop with tf.GradientTape, a custom loss class and a streaming metric, tf.data pipelines
(from_tensor_slices, map, shuffle, batch, prefetch) fed to fit, and the preprocessing layers
(Normalization, Discretization, CategoryEncoding, StringLookup, Hashing, Embedding) in models; random data
in place of the California housing CSV files."""
import numpy as np
import tensorflow as tf
import keras

X_train = np.random.random((1000, 8)).astype("float32")
y_train = np.random.random((1000, 1)).astype("float32")


class HuberLoss(keras.losses.Loss):
    def __init__(self, threshold=1.0, **kwargs):
        self.threshold = threshold
        super().__init__(**kwargs)

    def call(self, y_true, y_pred):
        error = y_true - y_pred
        is_small_error = tf.abs(error) < self.threshold
        squared_loss = tf.square(error) / 2
        linear_loss = self.threshold * tf.abs(error) - self.threshold ** 2 / 2
        return tf.where(is_small_error, squared_loss, linear_loss)

    def get_config(self):
        base_config = super().get_config()
        return {**base_config, "threshold": self.threshold}


model = keras.Sequential([
    keras.layers.Input(shape=[8]),
    keras.layers.Dense(30, activation="relu", kernel_initializer="he_normal"),
    keras.layers.Dense(1),
])
model.compile(loss=HuberLoss(2.), optimizer="nadam")
model.fit(X_train, y_train, epochs=2)

l2_reg = keras.regularizers.l2(0.05)
model = keras.models.Sequential([
    keras.layers.Input(shape=[8]),
    keras.layers.Dense(30, activation="relu", kernel_initializer="he_normal",
                       kernel_regularizer=l2_reg),
    keras.layers.Dense(1, kernel_regularizer=l2_reg)
])


def random_batch(X, y, batch_size=32):
    idx = np.random.randint(len(X), size=batch_size)
    return X[idx], y[idx]


n_epochs = 2
batch_size = 32
n_steps = len(X_train) // batch_size
optimizer = keras.optimizers.SGD(learning_rate=0.01)
loss_fn = keras.losses.mean_squared_error
mean_loss = keras.metrics.Mean(name="mean_loss")
metrics = [keras.metrics.MeanAbsoluteError()]

for epoch in range(1, n_epochs + 1):
    print("Epoch {}/{}".format(epoch, n_epochs))
    for step in range(1, n_steps + 1):
        X_batch, y_batch = random_batch(X_train, y_train)
        with tf.GradientTape() as tape:
            y_pred = model(X_batch, training=True)
            main_loss = tf.reduce_mean(loss_fn(y_batch, y_pred))
            loss = tf.add_n([main_loss] + model.losses)
        gradients = tape.gradient(loss, model.trainable_variables)
        optimizer.apply_gradients(zip(gradients, model.trainable_variables))
        mean_loss(loss)
        for metric in metrics:
            metric(y_batch, y_pred)
    for metric in [mean_loss] + metrics:
        metric.reset_state()
model.summary()

dataset = tf.data.Dataset.from_tensor_slices((X_train, y_train))
dataset = dataset.shuffle(buffer_size=1000, seed=42).batch(32).prefetch(1)
for X_batch, y_batch in dataset.take(1):
    print(X_batch.shape, y_batch.shape)


def preprocess(x, y):
    return (x - 0.5) / 0.25, y


train_set = tf.data.Dataset.from_tensor_slices((X_train, y_train)).map(preprocess).batch(32)
model = keras.Sequential([
    keras.layers.Input(shape=[8]),
    keras.layers.Dense(30, activation="relu", kernel_initializer="he_normal"),
    keras.layers.Dense(1),
])
model.compile(loss="mse", optimizer="sgd")
model.fit(train_set, epochs=2)

norm_layer = keras.layers.Normalization()
model = keras.models.Sequential([
    keras.layers.Input(shape=[8]),
    norm_layer,
    keras.layers.Dense(1)
])
norm_layer.adapt(X_train)
model.compile(loss="mse", optimizer=keras.optimizers.SGD(learning_rate=2e-3))
model.fit(X_train, y_train, epochs=2)

age = tf.constant([[10.], [93.], [57.], [18.], [37.], [5.]])
discretize_layer = keras.layers.Discretization(bin_boundaries=[18., 50.])
age_categories = discretize_layer(age)
onehot_layer = keras.layers.CategoryEncoding(num_tokens=3)
onehot_layer(age_categories)

cities = ["Auckland", "Paris", "Paris", "San Francisco"]
str_lookup_layer = keras.layers.StringLookup()
str_lookup_layer.adapt(cities)
str_lookup_layer([["Paris"], ["Auckland"], ["Auckland"], ["Montreal"]])

hashing_layer = keras.layers.Hashing(num_bins=10)
hashing_layer([["Paris"], ["Tokyo"], ["Auckland"], ["Montreal"]])

ocean_prox = ["<1H OCEAN", "INLAND", "NEAR OCEAN", "NEAR BAY", "ISLAND"]
str_lookup_layer = keras.layers.StringLookup()
str_lookup_layer.adapt(ocean_prox)
lookup_and_embed = keras.Sequential([
    keras.layers.InputLayer(shape=[], dtype=tf.string),
    str_lookup_layer,
    keras.layers.Embedding(input_dim=str_lookup_layer.vocabulary_size(),
                           output_dim=2)
])
lookup_and_embed(tf.constant(["<1H OCEAN", "ISLAND", "<1H OCEAN"]))

X_train_num = np.random.rand(10_000, 8)
X_train_cat = np.random.choice(ocean_prox, size=10_000).astype(object)
y_train = np.random.rand(10_000, 1)
num_input = keras.layers.Input(shape=[8], name="num")
cat_input = keras.layers.Input(shape=[], dtype=tf.string, name="cat")
cat_embeddings = lookup_and_embed(cat_input)
encoded_inputs = keras.layers.concatenate([num_input, cat_embeddings])
outputs = keras.layers.Dense(1)(encoded_inputs)
model = keras.models.Model(inputs=[num_input, cat_input], outputs=[outputs])
model.compile(loss="mse", optimizer="sgd")
model.summary()

text_vec_layer = keras.layers.TextVectorization()
text_vec_layer.adapt(["Be good!", "Question: be or be?"])
text_vec_layer(["Be good!", "Question: be or be?"])
