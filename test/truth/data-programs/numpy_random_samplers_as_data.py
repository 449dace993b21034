# Two classes of points drawn with np.random.multivariate_normal, stacked, and fit
# by a Sequential without an Input (built by its first batch); other samplers of
# NumPy give the sizes of further models' inputs.
import numpy as np
import keras

num_samples_per_class = 1000
negative_samples = np.random.multivariate_normal(mean=[0, 3], cov=[[1, 0.5], [0.5, 1]], size=num_samples_per_class)
positive_samples = np.random.multivariate_normal(mean=[3, 0], cov=[[1, 0.5], [0.5, 1]], size=num_samples_per_class)
inputs = np.vstack((negative_samples, positive_samples)).astype(np.float32)
targets = np.vstack(
    (np.zeros((num_samples_per_class, 1), dtype="float32"), np.ones((num_samples_per_class, 1), dtype="float32"))
)
model = keras.Sequential([keras.layers.Dense(1)])
model.compile(optimizer=keras.optimizers.RMSprop(learning_rate=0.1), loss=keras.losses.MeanSquaredError())
model.fit(inputs, targets, epochs=1, batch_size=128)

noise = np.random.standard_normal((64, 12))
counts = np.random.poisson(3.0, (64, 5))
coins = np.random.binomial(1, 0.5, size=(64, 7))
picked = np.random.choice(10, (64, 3))
waits = np.random.exponential(2.0, (64, 4))
point = np.random.multivariate_normal([0.0, 0.0, 1.0], np.eye(3))
mixed = np.concatenate([noise, counts, coins, picked, waits], axis=-1)
wide = keras.Sequential([keras.Input(shape=mixed.shape[1:]), keras.layers.Dense(point.shape[0])])
wide.compile(optimizer="adam", loss="mse")
wide.fit(mixed, np.random.random_sample((64, 3)), epochs=1, batch_size=32)
