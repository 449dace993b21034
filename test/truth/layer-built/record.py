"""Which Keras layer classes are built as soon as they are constructed.

`Layer.__repr__` prints `built=True` or `built=False`, and Keras puts that
text in its errors about a layer object given where a tensor belongs. A
class that keeps `Layer.build`'s default builds in `__init__`
(`_build_at_init`), `InputLayer` too; the others are built by their first
call. For every layer class exported by `keras.layers`, it is constructed
once (by its call in the layer-signature recorder's `PROBE_CALLS`, or with
no arguments) and `built_at_init` lists those whose object is built then; a
class that cannot be constructed so is left out (read as not built).

    KERAS_BACKEND=jax python3 record.py > ../../../server/src/shapes/layerBuilt.json
"""
import inspect, json, os, sys, warnings
os.environ.setdefault("KERAS_BACKEND", "jax")
warnings.simplefilter("ignore")
import keras
from keras import layers

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "layer-signatures"))
from record import PROBE_CALLS  # noqa: E402

built_at_init = []
for name in sorted(dir(layers)):
    cls = getattr(layers, name)
    if not (inspect.isclass(cls) and issubclass(cls, keras.layers.Layer)) or cls.__name__ != name:
        continue
    code = PROBE_CALLS.get(name, f"layers.{name}()")
    if not code:
        continue
    try:
        if eval(code, {"layers": layers, "keras": keras}).built:
            built_at_init.append(name)
    except Exception:
        continue

print(json.dumps({"keras_version": keras.__version__, "built_at_init": built_at_init}, indent=1))
