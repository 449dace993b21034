"""How each Keras layer class's `__call__` treats what it is called on.

`Layer.__call__` first converts array arguments (anything with `__array__`,
such as NumPy arrays) to tensors when the layer's `_convert_input_args` is
true, walking lists, tuples and dicts as structure; then, unless
`_allow_non_tensor_positional_args` is true, it refuses any positional leaf
that is not a tensor ("Only input tensors may be passed as positional
arguments. ..."). Preprocessing layers turn both off and convert Python data
in their own `call`. Both flags are set by `__init__`, so each class is
constructed (its call in the layer-signature recorder's `PROBE_CALLS`, or
with no arguments) and read; `strict` lists the classes that convert arrays
and refuse other positional leaves, `lenient` those that do not (each with
its two flags); a class in neither could not be constructed here (the
TensorFlow-only preprocessing layers under JAX).

    KERAS_BACKEND=jax python3 record.py > ../../../server/src/shapes/layerInputArgs.json
"""
import inspect, json, os, sys, warnings
os.environ.setdefault("KERAS_BACKEND", "jax")
warnings.simplefilter("ignore")
import keras
from keras import layers

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "layer-signatures"))
from record import PROBE_CALLS  # noqa: E402

strict, lenient = [], {}
for name in sorted(dir(layers)):
    cls = getattr(layers, name)
    if not (inspect.isclass(cls) and issubclass(cls, keras.layers.Layer)) or cls.__name__ != name:
        continue
    code = PROBE_CALLS.get(name, f"layers.{name}()")
    if not code:
        continue
    try:
        layer = eval(code, {"layers": layers, "keras": keras})
    except Exception:
        continue
    convert, allow = bool(layer._convert_input_args), bool(layer._allow_non_tensor_positional_args)
    if convert and not allow:
        strict.append(name)
    else:
        lenient[name] = {"convert_input_args": convert, "allow_non_tensor_positional_args": allow}

print(json.dumps({"keras_version": keras.__version__, "strict": strict, "lenient": lenient}, indent=1))
