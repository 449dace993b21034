get_ipython().run_line_magic('matplotlib', 'inline')
get_ipython().system('pip install -q -U keras')
import numpy as np
import keras
X_train = np.random.uniform(size=(100, 8)).astype("float32")
y_train = np.random.uniform(size=(100, 1)).astype("float32")
X_valid, y_valid = X_train[:20], y_train[:20]
X_new = X_train[:3]
norm_layer = keras.layers.Normalization()
model = keras.models.Sequential([
    norm_layer,
    keras.layers.Dense(1)
])
model.compile(loss="mse", optimizer=keras.optimizers.SGD(learning_rate=2e-3))
norm_layer.adapt(X_train)
model.fit(X_train, y_train, validation_data=(X_valid, y_valid), epochs=1)
age = np.array([[10.], [93.], [57.], [18.], [37.], [5.]], dtype="float32")
discretize_layer = keras.layers.Discretization(bin_boundaries=[18., 50.])
age_categories = discretize_layer(age)
age_categories
onehot_layer = keras.layers.CategoryEncoding(num_tokens=3)
onehot_layer(age_categories)
embedding_layer = keras.layers.Embedding(input_dim=5, output_dim=2)
embedding_layer(np.array([2, 4, 2]))
lookup_and_embed = keras.Sequential([
    keras.layers.InputLayer(shape=[], dtype="int64"),
    keras.layers.Embedding(input_dim=6, output_dim=2)
])
lookup_and_embed(np.array([1, 5, 1]))
model = keras.Sequential([
    keras.layers.Input(shape=[8]),
    keras.layers.Normalization(),
    keras.layers.Dense(30, activation="relu"),
    keras.layers.Dense(30, activation="relu"),
    keras.layers.Dense(1)
])
model.layers[0].adapt(X_train)
model.compile(loss="mse", optimizer="adam")
model.fit(X_train, y_train, epochs=1, validation_data=(X_valid, y_valid))
model.save("my_keras_model.keras")
model = keras.models.load_model("my_keras_model.keras")
y_pred = model.predict(X_new)
model.summary()
new_model = keras.Sequential(model.layers[:-1] + [keras.layers.Dense(5)])
new_model.summary()
