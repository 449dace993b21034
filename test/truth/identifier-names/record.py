"""The strings Keras's `get` lookups accept, recorded from Keras itself.

A layer passes `activation="relu"`, `kernel_initializer="he_normal"`,
`kernel_regularizer="l2"`, `kernel_constraint="max_norm"` through
`keras.activations.get`, `keras.initializers.get`, `keras.regularizers.get`
and `keras.constraints.get`; any other string raises "Could not interpret ...
identifier". For each module the candidates are its public names and the keys
of the lookup table Keras deserializes from (`ALL_OBJECTS_DICT`): `accepted`
lists those `get(name)` returns for, `raises` those it knows but fails on
otherwise, with Python's exception class and its arguments (`"constant"`
names Constant, whose config then lacks `value`: `KeyError('value')`).

`dtypes`: the strings `keras.backend.standardize_dtype` accepts (what
`keras.Input(dtype=...)` checks), among its allowed dtypes and the string keys
of its table of Python names (`"int"`).

    KERAS_BACKEND=jax python3 record.py > ../../../server/src/shapes/identifierNames.json
"""
import importlib, json, os, warnings
os.environ.setdefault("KERAS_BACKEND", "jax")
warnings.simplefilter("ignore")
import keras

record = {"keras_version": keras.__version__}
for module in ("activations", "initializers", "regularizers", "constraints"):
    public = getattr(keras, module)
    private = importlib.import_module(f"keras.src.{module}")
    candidates = {n for n in dir(public) if not n.startswith("_")} | set(getattr(private, "ALL_OBJECTS_DICT", {}))
    accepted, raises = [], {}
    for name in sorted(candidates):
        try:
            public.get(name)
        except Exception as e:
            if "Could not interpret" not in str(e):
                raises[name] = {"type": type(e).__name__, "args": [str(a) for a in e.args]}
            continue
        accepted.append(name)
    record[module] = {"accepted": accepted, "raises": raises}
from keras.src.backend.common import dtypes

candidates = set(dtypes.ALLOWED_DTYPES) | {k for k in dtypes.PYTHON_DTYPES_MAP if isinstance(k, str)}
standardized = []
for name in sorted(candidates):
    try:
        keras.backend.standardize_dtype(name)
    except Exception:
        continue
    standardized.append(name)
record["dtypes"] = standardized
print(json.dumps(record, indent=1))
