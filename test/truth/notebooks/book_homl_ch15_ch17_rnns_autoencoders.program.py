get_ipython().run_line_magic('matplotlib', 'inline')
get_ipython().system('pip install -q -U keras')
import numpy as np
import keras
from keras import layers, ops
keras.utils.set_random_seed(42)
seq_length = 56
X_train = np.random.random((700, seq_length, 1)).astype("float32")
y_train = np.random.random((700,)).astype("float32")
X_train.shape
univar_model = keras.Sequential([
    keras.layers.Input(shape=[None, 1]),
    keras.layers.SimpleRNN(32),
    keras.layers.Dense(1)
])
univar_model.summary()
deep_model = keras.Sequential([
    keras.layers.Input(shape=[None, 1]),
    keras.layers.SimpleRNN(32, return_sequences=True),
    keras.layers.SimpleRNN(32, return_sequences=True),
    keras.layers.SimpleRNN(32),
    keras.layers.Dense(1)
])
deep_model.compile(loss=keras.losses.Huber(), optimizer="sgd", metrics=["mae"])
history = deep_model.fit(X_train, y_train, epochs=2)
mulvar_model = keras.Sequential([
    keras.layers.Input(shape=[None, 5]),
    keras.layers.SimpleRNN(32),
    keras.layers.Dense(1)
])
ahead_model = keras.Sequential([
    keras.layers.Input(shape=[None, 5]),
    keras.layers.SimpleRNN(32),
    keras.layers.Dense(14)
])
seq2seq_model = keras.Sequential([
    keras.layers.Input(shape=[None, 5]),
    keras.layers.SimpleRNN(32, return_sequences=True),
    keras.layers.Dense(14)
])
seq2seq_model.summary()
class LNSimpleRNNCell(keras.layers.Layer):
    def __init__(self, units, activation="tanh", **kwargs):
        super().__init__(**kwargs)
        self.state_size = units
        self.output_size = units
        self.simple_rnn_cell = keras.layers.SimpleRNNCell(units,
                                                          activation=None)
        self.layer_norm = keras.layers.LayerNormalization()
        self.activation = keras.activations.get(activation)

    def call(self, inputs, states):
        outputs, new_states = self.simple_rnn_cell(inputs, states)
        norm_outputs = self.activation(self.layer_norm(outputs))
        return norm_outputs, [norm_outputs]
lstm_model = keras.models.Sequential([
    keras.layers.Input(shape=[None, 5]),
    keras.layers.LSTM(32, return_sequences=True),
    keras.layers.Dense(14)
])
gru_model = keras.Sequential([
    keras.layers.Input(shape=[None, 5]),
    keras.layers.GRU(32, return_sequences=True),
    keras.layers.Dense(14)
])
conv_rnn_model = keras.Sequential([
    keras.layers.Input(shape=[None, 5]),
    keras.layers.Conv1D(filters=32, kernel_size=4, strides=2,
                        activation="relu"),
    keras.layers.GRU(32, return_sequences=True),
    keras.layers.Dense(14)
])
conv_rnn_model.summary()
wavenet_model = keras.Sequential()
wavenet_model.add(keras.layers.Input(shape=[None, 5]))
for rate in (1, 2, 4, 8) * 2:
    wavenet_model.add(keras.layers.Conv1D(
        filters=32, kernel_size=2, padding="causal", activation="relu",
        dilation_rate=rate))
wavenet_model.add(keras.layers.Conv1D(filters=14, kernel_size=1))
wavenet_model.summary()
stacked_encoder = keras.Sequential([
    keras.layers.Input(shape=[28, 28]),
    keras.layers.Flatten(),
    keras.layers.Dense(100, activation="relu"),
    keras.layers.Dense(30, activation="relu"),
])
stacked_decoder = keras.Sequential([
    keras.layers.Dense(100, activation="relu"),
    keras.layers.Dense(28 * 28),
    keras.layers.Reshape([28, 28])
])
stacked_ae = keras.Sequential([stacked_encoder, stacked_decoder])
stacked_ae.compile(loss="mse", optimizer="nadam")
stacked_ae.summary()
conv_encoder = keras.Sequential([
    keras.layers.Input(shape=[28, 28]),
    keras.layers.Reshape([28, 28, 1]),
    keras.layers.Conv2D(16, 3, padding="same", activation="relu"),
    keras.layers.MaxPool2D(pool_size=2),
    keras.layers.Conv2D(32, 3, padding="same", activation="relu"),
    keras.layers.MaxPool2D(pool_size=2),
    keras.layers.Conv2D(64, 3, padding="same", activation="relu"),
    keras.layers.MaxPool2D(pool_size=2),
    keras.layers.Conv2D(30, 3, padding="same", activation="relu"),
    keras.layers.GlobalAvgPool2D()
])
conv_decoder = keras.Sequential([
    keras.layers.Input(shape=[30]),
    keras.layers.Dense(3 * 3 * 16),
    keras.layers.Reshape((3, 3, 16)),
    keras.layers.Conv2DTranspose(32, 3, strides=2, activation="relu"),
    keras.layers.Conv2DTranspose(16, 3, strides=2, padding="same",
                                 activation="relu"),
    keras.layers.Conv2DTranspose(1, 3, strides=2, padding="same"),
    keras.layers.Reshape([28, 28])
])
conv_ae = keras.Sequential([conv_encoder, conv_decoder])
conv_ae.summary()
class Sampling(keras.layers.Layer):
    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.seed_generator = keras.random.SeedGenerator(42)

    def call(self, inputs):
        mean, log_var = inputs
        noise = keras.random.normal(ops.shape(log_var), seed=self.seed_generator)
        return noise * ops.exp(log_var / 2) + mean

codings_size = 10

inputs = keras.layers.Input(shape=[28, 28])
Z = keras.layers.Flatten()(inputs)
Z = keras.layers.Dense(150, activation="relu")(Z)
Z = keras.layers.Dense(100, activation="relu")(Z)
codings_mean = keras.layers.Dense(codings_size)(Z)
codings_log_var = keras.layers.Dense(codings_size)(Z)
codings = Sampling()([codings_mean, codings_log_var])
variational_encoder = keras.Model(
    inputs=[inputs], outputs=[codings_mean, codings_log_var, codings])

decoder_inputs = keras.layers.Input(shape=[codings_size])
x = keras.layers.Dense(100, activation="relu")(decoder_inputs)
x = keras.layers.Dense(150, activation="relu")(x)
x = keras.layers.Dense(28 * 28)(x)
outputs = keras.layers.Reshape([28, 28])(x)
variational_decoder = keras.Model(inputs=[decoder_inputs], outputs=[outputs])

_, _, codings = variational_encoder(inputs)
reconstructions = variational_decoder(codings)
variational_ae = keras.Model(inputs=[inputs], outputs=[reconstructions])
variational_ae.summary()
generator = keras.Sequential([
    keras.layers.Input(shape=[codings_size]),
    keras.layers.Dense(100, activation="relu", kernel_initializer="he_normal"),
    keras.layers.Dense(150, activation="relu", kernel_initializer="he_normal"),
    keras.layers.Dense(28 * 28, activation="sigmoid"),
    keras.layers.Reshape([28, 28])
])
discriminator = keras.Sequential([
    keras.layers.Input(shape=[28, 28]),
    keras.layers.Flatten(),
    keras.layers.Dense(150, activation="relu", kernel_initializer="he_normal"),
    keras.layers.Dense(100, activation="relu", kernel_initializer="he_normal"),
    keras.layers.Dense(1, activation="sigmoid")
])
gan = keras.Sequential([generator, discriminator])
discriminator.compile(loss="binary_crossentropy", optimizer="rmsprop")
discriminator.trainable = False
gan.compile(loss="binary_crossentropy", optimizer="rmsprop")
gan.summary()
