"""A functional and a Sequential model saved, loaded again, and their layers reused in new models."""

import keras

a = keras.Input(shape=(None, 5))
o, h, c = keras.layers.LSTM(8, return_state=True)(a)
b = keras.Input(shape=(None, 6))
d, _, _ = keras.layers.LSTM(8, return_sequences=True, return_state=True)(b, initial_state=[h, c])
d = keras.layers.Dense(6)(d)
model = keras.Model([a, b], d)
model.save("load_model_functional.keras")

seq = keras.Sequential([keras.Input(shape=(4,)), keras.layers.Dense(3, activation="relu"), keras.layers.Dense(2)])
keras.saving.save_model(seq, "load_model_sequential.keras")

loaded = keras.models.load_model("load_model_functional.keras")
states = loaded.layers[2].output
encoder = keras.Model(loaded.input[0], [states[1], states[2]])
decoder_lstm = loaded.layers[3]
x = keras.Input(shape=(None, 6))
sh = keras.Input(shape=(8,))
sc = keras.Input(shape=(8,))
y, _, _ = decoder_lstm(x, initial_state=[sh, sc])
y = loaded.layers[4](y)
decoder = keras.Model([x, sh, sc], y)

seq2 = keras.models.load_model("load_model_sequential.keras")
extended = keras.Sequential(seq2.layers[:-1] + [keras.layers.Dense(5)])
extended.build((None, 4))
extra = keras.Sequential([keras.Input(shape=(2,)), keras.layers.Dense(1)])
loaded.summary()
