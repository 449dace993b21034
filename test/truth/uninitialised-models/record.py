"""What Keras 3 raises when a method is called on a `keras.Model` subclass whose `__init__` never ran Keras's.

A class of the file that defines `__init__` without calling `super().__init__()` makes an object that
lacks everything `Layer.__init__` and `Model.__init__` set: each method fails on the first attribute it
reads (an AttributeError naming it), or on `_check_super_called` (a RuntimeError). This records, for each
method as a user calls it, the exception class and its text with the class's name as `{cls}`:

    cd test/truth/uninitialised-models && KERAS_BACKEND=jax python3 record.py > ../../../server/src/interpret/keras/uninitialisedModels.json
"""

import json
import os
import tempfile

os.environ.setdefault("KERAS_BACKEND", "jax")

import keras  # noqa: E402
import numpy as np  # noqa: E402
from keras import layers  # noqa: E402


class Probe(keras.Model):
    def __init__(self):
        self.dense = layers.Dense(2)

    def call(self, inputs):
        return self.dense(inputs)


x = np.zeros((4, 3), dtype="float32")
y = np.zeros((4, 2), dtype="float32")
folder = tempfile.mkdtemp()

CALLS = {
    "__call__": lambda m: m(x),
    "compile": lambda m: m.compile(optimizer="adam", loss="mse"),
    "fit": lambda m: m.fit(x, y, verbose=0),
    "evaluate": lambda m: m.evaluate(x, y, verbose=0),
    "predict": lambda m: m.predict(x, verbose=0),
    "train_on_batch": lambda m: m.train_on_batch(x, y),
    "test_on_batch": lambda m: m.test_on_batch(x, y),
    "predict_on_batch": lambda m: m.predict_on_batch(x),
    "summary": lambda m: m.summary(),
    "build": lambda m: m.build((None, 3)),
    "save": lambda m: m.save(os.path.join(folder, "m.keras")),
    "save_weights": lambda m: m.save_weights(os.path.join(folder, "m.weights.h5")),
    "count_params": lambda m: m.count_params(),
    "get_config": lambda m: m.get_config(),
    "to_json": lambda m: m.to_json(),
    "get_weights": lambda m: m.get_weights(),
}

ATTRIBUTES = ["name", "weights", "trainable_weights", "non_trainable_weights", "built", "trainable", "layers"]


def outcome(f):
    try:
        f()
    except Exception as e:  # noqa: BLE001
        return {"type": type(e).__name__, "message": str(e).replace("Probe", "{cls}")}
    return None


methods = {name: outcome(lambda: call(Probe())) for name, call in CALLS.items()}
attributes = {name: outcome(lambda: getattr(Probe(), name)) for name in ATTRIBUTES}
print(
    json.dumps(
        {"keras_version": keras.__version__, "methods": methods, "attributes": attributes},
        indent=1,
        sort_keys=True,
    )
)
