"""Which `compile(loss=NAME)` strings make a model saved to a legacy `.h5` file fail to load again.

`model.save("m.h5")` writes the compile's `loss` as given; `keras.models.load_model("m.h5")` then
deserialises it, and a short alias (`"mse"`, `"mae"`) names a function of `keras.metrics` that is not a
`KerasSaveable`, so loading raises. This records, for every name `keras.losses.get` accepts, what the
reload raises (its type and text with the name as `{name}`), or null:

    cd test/truth/h5-reload && KERAS_BACKEND=jax python3 record.py > ../../../server/src/interpret/keras/h5Reload.json
"""

import json
import os
import tempfile

os.environ.setdefault("KERAS_BACKEND", "jax")

import keras  # noqa: E402
from keras import layers  # noqa: E402
from keras.src.losses import ALL_OBJECTS_DICT  # noqa: E402

folder = tempfile.mkdtemp()
path = os.path.join(folder, "m.h5")
results = {}
for name in sorted(n for n, v in ALL_OBJECTS_DICT.items() if not isinstance(v, type)):
    model = keras.Sequential([keras.Input(shape=(3,)), layers.Dense(2, activation="softmax")])
    model.compile(optimizer="adam", loss=name)
    model.save(path)
    try:
        keras.models.load_model(path)
        results[name] = None
    except Exception as e:  # noqa: BLE001
        results[name] = {"type": type(e).__name__, "message": str(e).replace(name, "{name}")}
print(json.dumps({"keras_version": keras.__version__, "losses": results}, indent=1, sort_keys=True))
