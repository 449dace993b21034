"""The parameters of every Keras layer's `call`, as `inspect.signature` gives them.

When an exception escapes a layer's `call` (or its `compute_output_shape`),
Keras rewrites the message to list the arguments the call received
(`Exception encountered when calling Reshape.call(). ... Arguments received
by Reshape.call(): args=(...) kwargs=...`). Which keywords `Layer.__call__`
added by then depends on this signature: `training` when `call` takes it and
its value is not None, `mask` when `call` takes one. For every class exported
by `keras.layers`: its class name and module (a message that prints the
class, `<class 'keras.src.layers.core.dense.Dense'>`, needs both) and its
`call` parameters, in order, as [name, kind, repr of the default or null].

    KERAS_BACKEND=jax python3 record.py > ../../../server/src/shapes/messages/layerCalls.json
"""
import inspect, json, os
os.environ.setdefault("KERAS_BACKEND", "jax")
import keras

KINDS = {
    inspect.Parameter.POSITIONAL_ONLY: "positional",
    inspect.Parameter.POSITIONAL_OR_KEYWORD: "positional",
    inspect.Parameter.VAR_POSITIONAL: "*args",
    inspect.Parameter.KEYWORD_ONLY: "keyword",
    inspect.Parameter.VAR_KEYWORD: "**kwargs",
}

record = {}
for name in dir(keras.layers):
    cls = getattr(keras.layers, name)
    if not (inspect.isclass(cls) and issubclass(cls, keras.layers.Layer)):
        continue
    params = list(inspect.signature(cls.call).parameters.values())[1:]
    record[name] = {
        "class": cls.__name__,
        "module": cls.__module__,
        "call": [
            [p.name, KINDS[p.kind], None if p.default is inspect.Parameter.empty else repr(p.default)]
            for p in params
        ],
    }
print(json.dumps({"keras_version": keras.__version__, "layers": dict(sorted(record.items()))}, indent=1))
