"""Facts about Keras's API beyond the layers, recorded from Keras itself.

- `compile`: the keyword parameters of `keras.Model.compile`
  (`inspect.signature`); any other keyword is Python's TypeError.
- `optimizers`: for each optimizer class exported by `keras.optimizers`, the
  keywords its constructor takes: its own parameters and those the base
  `Optimizer.__init__` takes through `**kwargs`, found by probing (each
  candidate keyword is passed, and it is taken unless Keras answers
  "Argument(s) not recognized"; candidates are the names the optimizer
  sources read from `kwargs` and the Keras 2 spellings users still write).
  `optimizer_names`: the strings `keras.optimizers.get` (what
  `compile(optimizer="...")` calls) returns an optimizer for, among the keys
  of its lookup table and the exported names, lower-cased as Keras looks
  them up.
- `masks`: for each class exported by `keras.layers` that can be
  constructed without arguments or from the layer-signature recorder's
  `PROBE_CALLS`: `supports_masking` (the instance attribute after
  construction; for Lambda it depends on the `mask` argument, so the
  probe's value is not the class's) and `own_compute_mask` (it overrides
  `Layer.compute_mask`). Whether a layer's `call` takes the mask is in the
  layers' call signatures (`test/truth/layer-calls/`).
- `quantizable`: the classes that override `Layer.quantize`, the ones
  `model.quantize(mode)` changes.
- `layer_init`: the keywords `keras.layers.Layer.__init__` takes (what a
  subclass's `super().__init__(**kwargs)` accepts): its keyword parameters
  and those it takes through `**kwargs`, found by probing a subclass with
  each candidate (the names its source pops from `kwargs`); any other
  keyword is "Unrecognized keyword arguments".
- `applications`: for every network function `keras.applications` exports,
  its parameters in positional order.
- `activations`: for every function of `keras.activations` (the lookup
  helpers aside), called on a symbolic `(2, 3)` tensor: the class of the
  one operation it records (the row `summary()` shows), `"identity"` when it
  returns its input; absent when the call raises (`mish` does on the JAX
  backend) or gives another shape.
- `ops` (in `kerasOps.json`): for every public function of `keras.ops`, its parameters
  (`[name]`, `[name, default]` as in the layer signatures' record) and, where
  it runs on symbolic float32 tensors, what it does to shapes and the class
  of the operation it records (the class `summary()` shows as a row):
  `unary` = called on a `(2, 3)` tensor, `binary` = called on `(2, 3)` and
  `(3,)`, `reduce` = called on `(2, 3, 4)` with `axis=1`, and with
  `keepdims=True`; each gives `[output shape, op class]`, or is absent where
  the call raises. Further required parameters get `1.0` (`"float32"` for a
  `dtype`), so that `clip(x, 1.0, 1.0)` and `cast(x, "float32")` are called
  too.

`ops` goes to `kerasOps.json`, the rest to `kerasApi.json`, in the folder
given (by default this script's):

    KERAS_BACKEND=jax python3 record.py [OUT_DIR]
"""
import importlib, inspect, json, os, re, sys, warnings
os.environ.setdefault("KERAS_BACKEND", "jax")
warnings.simplefilter("ignore")
import keras
from keras import layers

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "layer-signatures"))


def encode(v):
    if v is None or isinstance(v, (bool, int, str)):
        return v
    if isinstance(v, float):
        return {"float": v} if v == v and abs(v) != float("inf") else {"float": repr(v)}
    if isinstance(v, tuple):
        return {"tuple": [encode(x) for x in v]}
    if isinstance(v, list):
        return {"list": [encode(x) for x in v]}
    return {"repr": repr(v)}


def params(fn, skip_self=True):
    out = []
    for q in list(inspect.signature(fn).parameters.values())[1 if skip_self else 0:]:
        if q.kind in (q.VAR_KEYWORD, q.VAR_POSITIONAL):
            out.append([("**" if q.kind == q.VAR_KEYWORD else "*") + q.name])
        else:
            out.append([q.name] if q.default is q.empty else [q.name, encode(q.default)])
    return out


record = {"keras_version": keras.__version__}

# --- compile
record["compile"] = [q[0] for q in params(keras.Model.compile)]

# --- optimizers
KERAS2_SPELLINGS = ["lr", "decay"]  # candidates to probe, not facts
KWARG_NAME_POP = re.compile(r"""kwargs\.pop\(\s*["'](\w+)["']""")
KWARG_NAME = re.compile(r"""kwargs(?:\.pop|\.get)\(\s*["'](\w+)["']|["'](\w+)["']\s+(?:not\s+)?in\s+kwargs""")
optimizers = {}
for name in sorted(dir(keras.optimizers)):
    cls = getattr(keras.optimizers, name)
    if not (inspect.isclass(cls) and issubclass(cls, keras.optimizers.Optimizer)) or cls is keras.optimizers.Optimizer:
        continue
    try:
        make = lambda **kw: cls(**kw)
        make()
    except Exception:
        continue  # LossScaleOptimizer, MultiOptimizer: they wrap other optimizers
    own = [q[0] for q in params(cls.__init__) if not q[0].startswith("*")]
    candidates = set(KERAS2_SPELLINGS)
    for base in cls.__mro__:
        init = base.__dict__.get("__init__")
        if init is None or base is object:
            continue
        candidates.update(q for q in inspect.signature(init).parameters if q not in ("self", "args", "kwargs"))
        try:
            for m in KWARG_NAME.finditer(inspect.getsource(base)):
                candidates.add(m.group(1) or m.group(2))
        except (OSError, TypeError):
            pass
    taken = []
    for k in sorted(candidates - set(own)):
        try:
            make(**{k: None})
        except Exception as e:
            if "not recognized" in str(e) or "unexpected keyword" in str(e):
                continue
        taken.append(k)
    optimizers[name] = {"params": own, "kwargs": taken}
record["optimizers"] = optimizers
opt_module = importlib.import_module("keras.src.optimizers")
names = set(getattr(opt_module, "ALL_OBJECTS_DICT", {})) | {n.lower() for n in dir(keras.optimizers) if not n.startswith("_")}
accepted = []
for n in sorted(names):
    try:
        o = keras.optimizers.get(n)
    except Exception:
        continue
    if isinstance(o, keras.optimizers.Optimizer):
        accepted.append(n)
record["optimizer_names"] = accepted

# --- masks
from record import PROBE_CALLS  # the layer-signature recorder's constructor calls

masks = {}
for name in sorted(dir(layers)):
    cls = getattr(layers, name)
    if not (inspect.isclass(cls) and issubclass(cls, keras.Operation)) or cls.__name__ != name:
        continue
    code = PROBE_CALLS.get(name, f"layers.{name}()")
    if not code:
        continue
    try:
        layer = eval(code, {"layers": layers, "keras": keras})
    except Exception:
        continue
    masks[name] = {
        "supports_masking": bool(layer.supports_masking),
        "own_compute_mask": cls.compute_mask is not keras.layers.Layer.compute_mask,
    }
record["masks"] = masks

# --- quantize
record["quantizable"] = sorted(
    n for n in dir(layers)
    if inspect.isclass(getattr(layers, n)) and issubclass(getattr(layers, n), keras.layers.Layer)
    and getattr(layers, n).quantize is not keras.layers.Layer.quantize)

# --- Layer.__init__
class Probe(keras.layers.Layer):
    pass


layer_init = [q.name for q in inspect.signature(keras.layers.Layer.__init__).parameters.values()
              if q.kind == q.KEYWORD_ONLY or (q.kind == q.POSITIONAL_OR_KEYWORD and q.name != "self")]
for k in sorted(set(KWARG_NAME_POP.findall(inspect.getsource(keras.layers.Layer.__init__))) - set(layer_init)):
    try:
        Probe(**{k: (2,) if k == "input_shape" else 2})
    except Exception as e:
        if "Unrecognized keyword" in str(e):
            continue
    layer_init.append(k)
record["layer_init"] = layer_init

# --- applications
record["applications"] = {
    n: [q[0] for q in params(getattr(keras.applications, n), skip_self=False)]
    for n in sorted(dir(keras.applications))
    if not n.startswith("_") and inspect.isfunction(getattr(keras.applications, n))
}

# --- activations
activations = {}
for n in sorted(dir(keras.activations)):
    fn = getattr(keras.activations, n)
    if n.startswith("_") or n in ("get", "serialize", "deserialize") or not inspect.isfunction(fn):
        continue
    x = keras.KerasTensor((2, 3))
    try:
        y = fn(x)
    except Exception:
        continue
    if y is x:
        activations[n] = "identity"
    elif isinstance(y, keras.KerasTensor) and tuple(y.shape) == (2, 3):
        activations[n] = type(y._keras_history.operation).__name__
record["activations"] = activations

# --- ops
def traced(fn, *args, **kwargs):
    try:
        y = fn(*args, **kwargs)
    except Exception:
        return None
    if not isinstance(y, keras.KerasTensor):
        return None
    op = y._keras_history.operation
    return [list(y.shape), type(op).__name__]


ops = {}
for name in sorted(dir(keras.ops)):
    fn = getattr(keras.ops, name)
    if name.startswith("_") or not inspect.isfunction(fn):
        continue
    try:
        entry = {"params": params(fn, skip_self=False)}
    except (TypeError, ValueError):
        continue
    x2 = keras.KerasTensor((2, 3))
    x3 = keras.KerasTensor((2, 3, 4))
    required = [q[0] for q in entry["params"] if len(q) == 1 and not q[0].startswith("*")]

    def filled(given):
        return ["float32" if n == "dtype" else 1.0 for n in required[given:]]

    for kind, result in (
        ("unary", lambda: traced(fn, x2, *filled(1))),
        ("binary", lambda: traced(fn, x2, keras.KerasTensor((3,)), *filled(2))),
        ("reduce", lambda: traced(fn, x3, *filled(1), axis=1)),
        ("reduce_keepdims", lambda: traced(fn, x3, *filled(1), axis=1, keepdims=True)),
    ):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            r = result()
        if r is not None:
            entry[kind] = r
    ops[name] = entry


def write(path, data):
    text = json.dumps(data, separators=(",", ":"))
    with open(path, "w") as f:
        f.write(re.sub(r'(\},)("[A-Za-z_0-9]+":\{)', r"\1\n\2", text) + "\n")


out = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
write(os.path.join(out, "kerasApi.json"), record)
write(os.path.join(out, "kerasOps.json"), {"keras_version": keras.__version__, "ops": ops})
