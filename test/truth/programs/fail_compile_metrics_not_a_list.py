# compile(metrics="accuracy"): Keras wants a list, tuple or dict of metrics, even for one.
import keras
from keras import layers
model = keras.Sequential([keras.Input((4,)), layers.Dense(3, activation="softmax")])
model.compile(optimizer="sgd", loss="categorical_crossentropy", metrics="accuracy")
model.compile(optimizer=keras.optimizers.Adam(1e-3), loss=keras.losses.CategoricalCrossentropy(from_logits=False), metrics=[keras.metrics.CategoricalAccuracy()])
