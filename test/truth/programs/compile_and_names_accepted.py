# What Keras accepts around the checks on names, metrics and optimizer values: a named layer shared by two inputs, a named model used twice, metrics in lists and dicts, SGD with a float momentum, one clipping argument.
import keras
from keras import layers

x = keras.Input((4,), name="left")
y = keras.Input((4,), name="right")
shared = layers.Dense(4, name="shared")
model = keras.Model([x, y], layers.Concatenate(name="joined")([shared(x), shared(y)]), name="siamese")
outer = keras.Input((4,), name="outer")
twice = keras.Model(outer, layers.Add()([model([outer, outer]), model([outer, outer])]))
twice.compile(optimizer=keras.optimizers.SGD(learning_rate=0.01, momentum=0.9, nesterov=True, clipnorm=1.0), loss="mse", metrics=["mae", keras.metrics.RootMeanSquaredError()])
seq = keras.Sequential([keras.Input((3,)), layers.Dense(2, name="out")], name="small")
seq.compile(optimizer=keras.optimizers.AdamW(learning_rate=1e-3, weight_decay=1e-4, global_clipnorm=1.0), loss=keras.losses.MeanSquaredError(reduction="sum"), metrics={"out": "mae"}, weighted_metrics=[])
seq.compile("rmsprop", "mse", None, ("mae",))
