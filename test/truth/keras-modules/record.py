"""Keras's public modules and the names each one exports.

`from keras.layers.core import Dense` (a Keras 2 path) and
`from keras.utils import np_utils` fail in Keras 3 at the import: the analysis
reports that from this record. Every public module under `keras` (none under
`keras.src`, no part starting with `_`) is imported, and its public names kept.

    KERAS_BACKEND=jax python3 record.py > ../../../server/src/interpret/keras/kerasModules.json
"""
import importlib, json, os, pkgutil
os.environ.setdefault("KERAS_BACKEND", "jax")
import keras

modules = {"keras": keras}
for info in pkgutil.walk_packages(keras.__path__, "keras."):
    parts = info.name.split(".")
    if parts[1] == "src" or any(p.startswith("_") for p in parts):
        continue
    try:
        modules[info.name] = importlib.import_module(info.name)
    except Exception:
        continue
record = {name: sorted(n for n in dir(m) if not n.startswith("_")) for name, m in sorted(modules.items())}
print(json.dumps({"keras_version": keras.__version__, "modules": record}, separators=(",", ":")))
