"""The constructors of Keras's layer classes, recorded from Keras itself.

For every class exported by `keras.layers`:

- `params`: the parameters of `__init__` after `self`, in Python's order, from
  `inspect.signature`: `[name]` (required), `[name, default]`, and a third
  item `1` for a keyword-only parameter. A default is plain JSON (None,
  bools, ints, strings) except floats, tuples and lists, which are tagged:
  `{"float": 0.5}`, `{"tuple": [...]}`, `{"list": [...]}` (JSON alone would
  make `0.0` an int and a tuple a list).
- `kwargs`: the keywords the constructor takes through `**kwargs` besides the
  base Layer's `layer_keywords` (which every class with `**kwargs` takes,
  unless listed in `duplicates`). Keras hides these behind `**kwargs` (BaseConv
  takes `lora_rank`, Embedding pops `input_length`, the image preprocessing
  base takes `bounding_box_format`), so they are found by probing Keras: the
  class is constructed with each candidate keyword added (value None), and a
  keyword is taken unless Keras answers "Unrecognized keyword arguments" or
  Python "unexpected keyword argument" (Keras refusing the value None still
  means the name is taken). Candidates are every parameter of the classes in
  the class's MRO and every name their `__init__` sources read out of
  `kwargs` (`kwargs.pop("x")`, `kwargs.get("x")`, `"x" in kwargs`).
  `false` when `__init__` has no `**kwargs` (Python then raises TypeError for
  any other keyword); `"any"` when a made-up keyword is taken too; `null` when
  the class could not be constructed to probe (the lookups and Hashing need
  TensorFlow, which the recording environment does not have; Flax, PyTorch and
  SavedModel wrappers need what they wrap).
- `duplicates`: keywords the class passes to a base `__init__` itself, so that
  a user's one is Python's TypeError "F() got multiple values for keyword
  argument 'k'" (or "for argument 'k'" where the class passes it
  positionally): `{keyword: [F, "keyword" | "positional"]}`, read from
  Python's message (ActivityRegularization passes `activity_regularizer` to
  Layer; pooling layers pass `pool_mode` to BasePooling).
- `aliases`: other public names of the same class (`Conv2D`: `Convolution2D`).
- `layer_keywords`: what `keras.layers.Layer()` itself takes by keyword (its
  keyword-only parameters, and `input_dim`/`input_shape` from `**kwargs`),
  probed the same way.

A class is constructed for probing by its call in `PROBE_CALLS` below (the
values of its required parameters), or with no arguments.

    KERAS_BACKEND=jax python3 record.py > ../../../server/src/shapes/layerSignatures.json
"""
import ast, inspect, json, os, re, warnings
os.environ.setdefault("KERAS_BACKEND", "jax")
warnings.simplefilter("ignore")
import keras
from keras import layers

# A constructor call for each class that needs arguments (values for the probe, not facts).
PROBE_CALLS = {
    "Activation": "layers.Activation('relu')",
    "ActivityRegularization": "layers.ActivityRegularization()",
    "AdaptiveAveragePooling1D": "layers.AdaptiveAveragePooling1D(2)",
    "AdaptiveAveragePooling2D": "layers.AdaptiveAveragePooling2D(2)",
    "AdaptiveAveragePooling3D": "layers.AdaptiveAveragePooling3D(2)",
    "AdaptiveMaxPooling1D": "layers.AdaptiveMaxPooling1D(2)",
    "AdaptiveMaxPooling2D": "layers.AdaptiveMaxPooling2D(2)",
    "AdaptiveMaxPooling3D": "layers.AdaptiveMaxPooling3D(2)",
    "AlphaDropout": "layers.AlphaDropout(0.5)",
    "AveragePooling1D": "layers.AveragePooling1D(2)",
    "AveragePooling2D": "layers.AveragePooling2D(2)",
    "AveragePooling3D": "layers.AveragePooling3D(2)",
    "Bidirectional": "layers.Bidirectional(layers.LSTM(2))",
    "CenterCrop": "layers.CenterCrop(2, 2)",
    "CategoryEncoding": "layers.CategoryEncoding(4)",
    "Conv1D": "layers.Conv1D(2, 2)",
    "Conv1DTranspose": "layers.Conv1DTranspose(2, 2)",
    "Conv2D": "layers.Conv2D(2, 2)",
    "Conv2DTranspose": "layers.Conv2DTranspose(2, 2)",
    "Conv3D": "layers.Conv3D(2, 2)",
    "Conv3DTranspose": "layers.Conv3DTranspose(2, 2)",
    "ConvLSTM1D": "layers.ConvLSTM1D(2, 2)",
    "ConvLSTM2D": "layers.ConvLSTM2D(2, 2)",
    "ConvLSTM3D": "layers.ConvLSTM3D(2, 2)",
    "Dense": "layers.Dense(2)",
    "DepthwiseConv1D": "layers.DepthwiseConv1D(2)",
    "DepthwiseConv2D": "layers.DepthwiseConv2D(2)",
    "Dot": "layers.Dot(1)",
    "Dropout": "layers.Dropout(0.5)",
    "EinsumDense": "layers.EinsumDense('ab,bc->ac', 2)",
    "Embedding": "layers.Embedding(10, 4)",
    "FlaxLayer": None,  # needs Flax
    "GaussianDropout": "layers.GaussianDropout(0.5)",
    "GaussianNoise": "layers.GaussianNoise(0.5)",
    "GroupQueryAttention": "layers.GroupQueryAttention(2, 2, 1)",
    "GRU": "layers.GRU(2)",
    "GRUCell": "layers.GRUCell(2)",
    "HashedCrossing": "layers.HashedCrossing(4)",
    "Hashing": "layers.Hashing(4)",
    "InputLayer": "layers.InputLayer(shape=(2,))",
    "JaxLayer": "layers.JaxLayer(lambda params, inputs: inputs, params={})",
    "Lambda": "layers.Lambda(lambda x: x)",
    "LSTM": "layers.LSTM(2)",
    "LSTMCell": "layers.LSTMCell(2)",
    "MaxNumBoundingBoxes": "layers.MaxNumBoundingBoxes(2)",
    "MaxPooling1D": "layers.MaxPooling1D(2)",
    "MaxPooling2D": "layers.MaxPooling2D(2)",
    "MaxPooling3D": "layers.MaxPooling3D(2)",
    "MultiHeadAttention": "layers.MultiHeadAttention(2, 2)",
    "Permute": "layers.Permute((1,))",
    "Pipeline": "layers.Pipeline([])",
    "RandomBrightness": "layers.RandomBrightness(0.1)",
    "RandomColorDegeneration": "layers.RandomColorDegeneration(0.1)",
    "RandomContrast": "layers.RandomContrast(0.1)",
    "RandomCrop": "layers.RandomCrop(2, 2)",
    "RandomHue": "layers.RandomHue(0.1)",
    "RandomPosterization": "layers.RandomPosterization(4)",
    "RandomRotation": "layers.RandomRotation(0.1)",
    "RandomSaturation": "layers.RandomSaturation(0.1)",
    "RandomSharpness": "layers.RandomSharpness(0.1)",
    "RandomTranslation": "layers.RandomTranslation(0.1, 0.1)",
    "RandomZoom": "layers.RandomZoom(0.1)",
    "RepeatVector": "layers.RepeatVector(2)",
    "Rescaling": "layers.Rescaling(1.0)",
    "Reshape": "layers.Reshape((2,))",
    "Resizing": "layers.Resizing(2, 2)",
    "ReversibleEmbedding": "layers.ReversibleEmbedding(10, 4)",
    "RNN": "layers.RNN(layers.LSTMCell(2))",
    "SeparableConv1D": "layers.SeparableConv1D(2, 2)",
    "SeparableConv2D": "layers.SeparableConv2D(2, 2)",
    "SimpleRNN": "layers.SimpleRNN(2)",
    "SimpleRNNCell": "layers.SimpleRNNCell(2)",
    "SpatialDropout1D": "layers.SpatialDropout1D(0.5)",
    "SpatialDropout2D": "layers.SpatialDropout2D(0.5)",
    "SpatialDropout3D": "layers.SpatialDropout3D(0.5)",
    "SpectralNormalization": "layers.SpectralNormalization(layers.Dense(2))",
    "StackedRNNCells": "layers.StackedRNNCells([layers.LSTMCell(2)])",
    "TFSMLayer": None,  # needs a saved TensorFlow model
    "TimeDistributed": "layers.TimeDistributed(layers.Dense(2))",
    "TorchModuleWrapper": None,  # needs PyTorch
    "Wrapper": "layers.Wrapper(layers.Dense(2))",
}
REFUSED = re.compile(r"Unrecognized keyword argument|unexpected keyword argument")
MADE_UP = "shape_lens_probe_keyword"


def encode(v):
    if v is None or isinstance(v, (bool, int, str)):
        return v
    if isinstance(v, float):
        return {"float": v}
    if isinstance(v, tuple):
        return {"tuple": [encode(x) for x in v]}
    if isinstance(v, list):
        return {"list": [encode(x) for x in v]}
    raise TypeError(f"default {v!r} has no encoding")


def own_params(cls):
    out, var_kw = [], False
    for q in list(inspect.signature(cls.__init__).parameters.values())[1:]:
        if q.kind == q.VAR_KEYWORD:
            var_kw = True
            continue
        if q.kind == q.VAR_POSITIONAL:
            raise TypeError(f"{cls.__name__} takes *{q.name}")
        item = [q.name] if q.default is q.empty else [q.name, encode(q.default)]
        if q.kind == q.KEYWORD_ONLY:
            if len(item) == 1:
                raise TypeError(f"{cls.__name__}: required keyword-only {q.name}")
            item.append(1)
        out.append(item)
    return out, var_kw


KWARG_NAME = re.compile(r"""kwargs(?:\.pop|\.get)\(\s*["'](\w+)["']|["'](\w+)["']\s+(?:not\s+)?in\s+kwargs""")


def candidates(cls):
    names = set()
    for base in cls.__mro__:
        init = base.__dict__.get("__init__")
        if init is None or base is object:
            continue
        try:
            names.update(q for q in inspect.signature(init).parameters if q not in ("self", "args", "kwargs"))
            source = inspect.getsource(init)
        except (TypeError, OSError, ValueError):
            continue
        for m in KWARG_NAME.finditer(source):
            names.add(m.group(1) or m.group(2))
    return names


DUPLICATE = re.compile(r"^(\S+\.__init__)\(\) got multiple values for (keyword )?argument '(\w+)'$")


def probe(make, keyword):
    """'accepted' (even if Keras then rejects the value None), 'refused', or [function, form] for a duplicate."""
    try:
        make({keyword: None})
    except Exception as e:
        message = str(e)
        m = DUPLICATE.match(message)
        if m and m.group(3) == keyword:
            return [m.group(1), "keyword" if m.group(2) else "positional"]
        return "refused" if REFUSED.search(message) else "accepted"
    return "accepted"


def probe_maker(code):
    call = ast.parse(code, mode="eval").body

    def make(extra):
        node = ast.Call(call.func, call.args, call.keywords + [ast.keyword(k, ast.Constant(v)) for k, v in extra.items()])
        return eval(compile(ast.Expression(ast.fix_missing_locations(node)), "<probe>", "eval"), {"layers": layers, "keras": keras})

    make({})  # the plain call must work
    return make


layer_keywords = []  # what keras.layers.Layer takes, probed first by main()


def keyword_probes(make, cls, own):
    """The keywords accepted besides `own`, and those a base `__init__` receives twice."""
    if probe(make, MADE_UP) == "accepted":
        return "any", {}
    accepted, duplicates = [], {}
    for k in sorted((candidates(cls) | set(layer_keywords)) - set(own)):
        answer = probe(make, k)
        if answer == "accepted":
            accepted.append(k)
        elif isinstance(answer, list):
            duplicates[k] = answer
    return accepted, duplicates


def main():
    global layer_keywords
    classes = {}
    for name in dir(layers):
        obj = getattr(layers, name)
        if inspect.isclass(obj) and issubclass(obj, keras.Operation):
            classes.setdefault(obj, []).append(name)

    layer_keywords, _ = keyword_probes(probe_maker("layers.Layer()"), keras.layers.Layer, [])
    assert layer_keywords != "any"

    record = {}
    for cls, names in classes.items():
        canonical = cls.__name__ if cls.__name__ in names else sorted(names)[0]
        params, var_kw = own_params(cls)
        own = [q[0] for q in params]
        entry = {"params": params}
        aliases = sorted(n for n in names if n != canonical)
        if aliases:
            entry["aliases"] = aliases
        if not var_kw:
            entry["kwargs"] = False
        else:
            code = PROBE_CALLS.get(canonical, f"layers.{canonical}()")
            try:
                make = probe_maker(code) if code else None
            except Exception:  # ImportError: Hashing, HashedCrossing, the lookups need TensorFlow
                make = None
            kw, duplicates = keyword_probes(make, cls, own) if make else (None, {})
            if isinstance(kw, list):
                refused = set(layer_keywords) - set(own) - set(kw) - set(duplicates)
                assert not refused, f"{canonical} refuses {sorted(refused)}"
                kw = sorted(set(kw) - set(layer_keywords))
            entry["kwargs"] = kw
            if duplicates:
                entry["duplicates"] = duplicates
        record[canonical] = entry

    print(json.dumps({"keras_version": keras.__version__, "layer_keywords": layer_keywords,
                      "classes": dict(sorted(record.items()))}, separators=(",", ":")).replace('},"', '},\n"'))


if __name__ == "__main__":
    main()
