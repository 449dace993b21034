"""Which Keras layer classes have a `kernel` or `embeddings` attribute once built.

SpectralNormalization wraps a layer and, in its `build`, takes the wrapped
layer's `kernel` (or `embeddings`), raising "... object has no attribute
'kernel' nor 'embeddings'" when there is neither. Whether a class has one is
recorded by building it: from the first case of the given layer truth files
whose call succeeds (its code on `keras.Input(batch_shape=...)`, several
inputs as a list or, for the attention layers, one by one), or, for a
class those files lack, its constructor call in the layer-signature
recorder's `PROBE_CALLS` on the first of a few plain inputs it accepts.
`with` lists the classes that have the attribute, `without` those that
were built and do not; a class in neither could not be built here.

    KERAS_BACKEND=jax python3 record.py ../../../../shared/keras-truth/layers.jsonl ../layers-seed2.jsonl \
        > ../../../server/src/shapes/layerAttributes.json
"""
import inspect, json, os, sys, warnings
os.environ.setdefault("KERAS_BACKEND", "jax")
warnings.simplefilter("ignore")
import keras
from keras import layers

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "layer-signatures"))
from record import PROBE_CALLS  # noqa: E402

PLAIN_INPUTS = [(None, 8, 8, 3), (None, 8, 3), (None, 3), (None, 6, 6, 6, 3), (None, 2), (None, 4, 32), (None, 2, 6, 6, 6, 3)]


def built(code, shapes):
    """The layer `code` makes, called on each of `shapes` in turn until one works; None if none does."""
    for shape in shapes:
        keras.backend.clear_session()
        try:
            layer = eval(code, {"layers": layers, "keras": keras})
            if isinstance(shape, list):
                ins = [keras.Input(batch_shape=tuple(s)) for s in shape]
                try:
                    layer(ins)
                except Exception:  # attention layers take query, value, key positionally
                    layer(*ins)
            else:
                layer(keras.Input(batch_shape=tuple(shape)))
            return layer
        except Exception:
            continue
    return None


cases = {}
for path in sys.argv[1:]:
    for line in open(path):
        c = json.loads(line)
        if "error" not in c:
            cases.setdefault(c["layer"], []).append((c["code"], c.get("input_shape") or c["input_shapes"]))

with_attr, without = [], []
for name in sorted(dir(layers)):
    cls = getattr(layers, name)
    if not (inspect.isclass(cls) and issubclass(cls, keras.layers.Layer)) or cls.__name__ != name:
        continue
    layer = None
    for code, shape in cases.get(name, [])[:3]:
        layer = built(code, [shape])
        if layer is not None:
            break
    if layer is None and PROBE_CALLS.get(name, f"layers.{name}()"):
        layer = built(PROBE_CALLS.get(name, f"layers.{name}()"), PLAIN_INPUTS)
    if layer is None:
        continue
    (with_attr if hasattr(layer, "kernel") or hasattr(layer, "embeddings") else without).append(name)

print(json.dumps({"keras_version": keras.__version__, "with": with_attr, "without": without}, indent=1))
