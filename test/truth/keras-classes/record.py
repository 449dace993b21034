"""Keras's public classes and, for each, the public classes it is an instance of.

`isinstance(layer, layers.BatchNormalization)` is decided from this record: for
every class exported by `keras.layers` (and keras.Model, keras.Sequential,
keras.Layer, keras.Operation), the public names of the classes in its MRO.
Aliases (MaxPool2D, MaxPooling2D) are the same class, so both names appear.

    KERAS_BACKEND=jax python3 record.py > ../../../server/src/interpret/kerasClasses.json
"""
import inspect, json, os
os.environ.setdefault("KERAS_BACKEND", "jax")
import keras

public = {}
for name in dir(keras.layers):
    obj = getattr(keras.layers, name)
    if inspect.isclass(obj) and issubclass(obj, keras.Operation):
        public.setdefault(obj, []).append(f"keras.layers.{name}")
for name in ("Model", "Sequential", "Layer", "Operation"):
    public.setdefault(getattr(keras, name), []).append(f"keras.{name}")
# The class of models made by keras.Model(inputs, outputs): not exported, but what such a model is.
from keras.src.models.functional import Functional
public.setdefault(Functional, []).append("keras.Functional")

record = {}
for cls, names in public.items():
    ancestors = sorted({n for base in cls.__mro__ if base in public for n in public[base]})
    for n in names:
        record[n.split(".")[-1] if n.startswith("keras.layers.") else n] = ancestors
print(json.dumps({"keras_version": keras.__version__, "classes": dict(sorted(record.items()))}, indent=1))
