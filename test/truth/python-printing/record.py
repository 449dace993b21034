"""How Python prints the values Keras puts in its messages, for the engine's printers.

`sets`: `str(set(items))`, a set built item by item. Set order follows the
items' hashes, so this is recorded with PYTHONHASHSEED=0, as the Keras truth
is. `keras_sets`: the set displays of constants Keras prints in its messages,
with their items in source order (read from Keras's source) and `str()` of
the set as Keras's running code holds it (a set display is copied from a
frozenset constant, whose order may differ from a set built item by item).
`arrays`: `str(np.array(items))` of the shapes and tuples Keras turns into
NumPy arrays.

    PYTHONHASHSEED=0 KERAS_BACKEND=jax python3 record.py > printing.json
"""
import ast, inspect, json, os, random, sys

assert os.environ.get("PYTHONHASHSEED") == "0", "run with PYTHONHASHSEED=0"
import numpy as np

rng = random.Random(0)
WORDS = ["valid", "same", "causal", "channels_first", "channels_last", "nearest", "bilinear", "constant",
         "wrap", "mirror", "reflect", "dot", "concat", "sum", "mul", "ave", "a", "relu", "x" * 20, "int"]
sets = []
for n in range(1, 12):
    for _ in range(4):
        sets.append(rng.sample(WORDS, n))
for _ in range(12):
    sets.append([rng.choice([-1, -2, -3, 0, 1, 5, 8, 1000003, -7, 2 ** 40]) for _ in range(rng.randint(1, 6))])
sets.append([0.1, 0.5, -2.75, 3])
record = {"python": sys.version.split()[0], "sets": [], "arrays": []}
for items in sets:
    record["sets"].append({"items": items, "built": str(set(items))})

# Keras's own set displays: the source order of the items, and the set its running code holds.
from keras.src.utils import argument_validation
from keras.src.layers.preprocessing.image_preprocessing.random_elastic_transform import RandomElasticTransform


def display_items(fn, name):
    """The constant items of the set display assigned to `name` in `fn`'s source."""
    tree = ast.parse(inspect.getsource(fn))
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Set):
            if any(isinstance(t, ast.Name) and t.id == name for t in node.targets):
                return [e.value for e in node.value.elts]
    raise LookupError(name)


record["keras_sets"] = [
    {"where": "standardize_padding(allow_causal=True)",
     "items": display_items(argument_validation.standardize_padding, "allowed_values"),
     "str": None},
    {"where": "RandomElasticTransform._SUPPORTED_FILL_MODES",
     "items": display_items(RandomElasticTransform, "_SUPPORTED_FILL_MODES"),
     "str": str(RandomElasticTransform._SUPPORTED_FILL_MODES)},
]
try:
    argument_validation.standardize_padding("full", allow_causal=True)
except ValueError as e:
    record["keras_sets"][0]["str"] = str(e).split("one of ")[1].split(". Received")[0]
for items in ([None, 2, 3, 1, 128], [64, 2, 1], [64, 1, 1, 32], [3], [4, 4, 4], [2.5, 2], [2.0, 3.0],
              [None, 3.5, 2], [-1, 10], [0, -3], [1, 10], [None, -1, 26, 8], [12, 7.25, 100]):
    record["arrays"].append({"items": items, "str": str(np.array(items))})
print(json.dumps(record, indent=1))
