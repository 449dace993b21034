"""Keras's public classes: what each is an instance of, and what some constructors accept.

`isinstance(layer, layers.BatchNormalization)` is decided from this record: for
every class exported by `keras.layers` (and keras.Model, keras.Sequential,
keras.Layer, keras.Operation), the public names of the classes in its MRO.
Aliases (MaxPool2D, MaxPooling2D) are the same class, so both names appear.

`signatures`: the keyword parameters of the constructors of keras.losses and
keras.metrics classes and of keras.Sequential, or null where the constructor
takes **kwargs (then any keyword is let through).

    KERAS_BACKEND=jax python3 record.py > ../../../server/src/interpret/keras/kerasClasses.json
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
signatures = {}
def parameters(cls):
    params = list(inspect.signature(cls.__init__).parameters.values())[1:]
    if any(p.kind == p.VAR_KEYWORD for p in params):
        return None
    return [p.name for p in params if p.kind in (p.POSITIONAL_OR_KEYWORD, p.KEYWORD_ONLY)]
for module in ("losses", "metrics"):
    for name in dir(getattr(keras, module)):
        obj = getattr(getattr(keras, module), name)
        if inspect.isclass(obj) and name[0].isupper():
            signatures[f"keras.{module}.{name}"] = parameters(obj)
signatures["keras.Sequential"] = parameters(keras.Sequential)
print(json.dumps({"keras_version": keras.__version__, "classes": dict(sorted(record.items())), "signatures": dict(sorted(signatures.items()))}, indent=1))
