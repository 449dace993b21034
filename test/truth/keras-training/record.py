"""What Keras 3's training API takes, recorded from Keras itself.

- `methods`: for `Model.fit`, `evaluate`, `predict`, `train_on_batch`,
  `test_on_batch` and `predict_on_batch`, the `__qualname__` Python names in
  its errors (the backend's trainer class: `JAXTrainer.fit`), the parameters
  (`[name]` or `[name, default]`, self left out), how many of them can be
  given by position (null with `*args`) and whether it takes `**kwargs`. A keyword that is no parameter is Python's TypeError there;
  `evaluate`, which takes `**kwargs`, refuses them itself.
- `removed_attributes`: the Keras 2 model methods (candidates below, not
  facts) that `keras.Model`, `keras.Sequential` and the functional model class
  do not have in Keras 3: reading one is an AttributeError.
- `callbacks`: for every class exported by `keras.callbacks`, its
  `__init__`'s `__qualname__`, parameters and whether it takes `**kwargs`.
- `unbound`: for `keras.Sequential` and `keras.Model`, every public method
  as the class itself holds it (`Sequential.add`, read from the class, not
  from a model): its signature as above, but with `self` among the
  parameters: called through the class, `self` is the first argument.

    KERAS_BACKEND=jax python3 record.py > ../../../server/src/interpret/keras/kerasTraining.json
"""
import inspect, json, os, warnings
os.environ.setdefault("KERAS_BACKEND", "jax")
warnings.simplefilter("ignore")
import keras
from keras.src.models.functional import Functional


def encode(v):
    if v is None or isinstance(v, (bool, int, str)):
        return v
    if isinstance(v, float):
        return {"float": v}
    if isinstance(v, (tuple, list)):
        return {type(v).__name__: [encode(x) for x in v]}
    return {"repr": repr(v)}


def signature(fn, skip=1):
    params, var_kw, positional = [], False, 0
    for q in list(inspect.signature(fn).parameters.values())[skip:]:
        if q.kind == q.VAR_KEYWORD:
            var_kw = True
        elif q.kind == q.VAR_POSITIONAL:
            positional = None
        else:
            params.append([q.name] if q.default is q.empty else [q.name, encode(q.default)])
            if q.kind == q.POSITIONAL_OR_KEYWORD and positional is not None:
                positional += 1
    return {"qualname": fn.__qualname__, "params": params, "positional": positional, "var_keyword": var_kw}


METHODS = ["fit", "evaluate", "predict", "train_on_batch", "test_on_batch", "predict_on_batch"]
KERAS2_MODEL_METHODS = [  # candidates to probe, not facts
    "fit_generator", "evaluate_generator", "predict_generator", "predict_classes", "predict_proba",
]
record = {
    "keras_version": keras.__version__,
    "methods": {m: signature(getattr(keras.Model, m)) for m in METHODS},
    "removed_attributes": [
        n for n in KERAS2_MODEL_METHODS
        if not any(hasattr(c, n) for c in (keras.Model, keras.Sequential, Functional))
    ],
    "unbound": {
        cls.__name__: {
            name: signature(fn, skip=0)
            for name, fn in sorted(inspect.getmembers(cls, inspect.isfunction))
            if not name.startswith("_")
        }
        for cls in (keras.Sequential, keras.Model)
    },
    "callbacks": {
        name: signature(cls.__init__)
        for name, cls in sorted(vars(keras.callbacks).items())
        if inspect.isclass(cls) and issubclass(cls, keras.callbacks.Callback)
    },
}
text = json.dumps(record, separators=(",", ":"))
print(text.replace('},"', '},\n"'))
