"""Records what Python and Keras make of the cases the shared Python/Keras
toolkit (server/src/shapes/python/) models:

    KERAS_BACKEND=jax python3 record.py > toolkit.json

- "float_repr": [text, repr(float(text))]
- "str_repr": [s, repr(s)]
- "mod": [a, b, repr(a % b)] with a and b Python literals, or the exception
- "snake_case": [name, keras's to_snake_case(name)] for every public class
  of keras.layers, keras.losses, keras.metrics, keras.optimizers and
  keras.models, and a few names written to reach each branch
- "standardize_tuple": [value literal, n, allow_zero, repr(result)] or
  [..., [exception type, message]]
- "standardize_data_format": [value literal, result] or [..., [type, message]]

test/engine/pythonToolkit.test.ts holds the toolkit to this record.
"""
import json
import sys
import warnings

warnings.simplefilter("ignore")
import keras  # noqa: E402
from keras.src.backend.config import standardize_data_format  # noqa: E402
from keras.src.utils.argument_validation import standardize_tuple  # noqa: E402
from keras.src.utils.naming import to_snake_case  # noqa: E402


def attempt(fn):
    try:
        return repr(fn())
    except Exception as e:  # noqa: BLE001 (recording what Python raises)
        return [type(e).__name__, str(e)]


FLOATS = ["0.0", "-0.0", "1.0", "2.5", "0.1", "1e-4", "1e-5", "0.00012", "1.5e-7", "123456.789",
          "1e15", "9999999999999998.0", "1e16", "1.2345678901234567e17", "1e22", "3.14159", "-2.75",
          "1e300", "5e-324", "inf", "-inf", "nan", "100.0", "0.5", "1.001e-05"]
STRS = ["", "a", "it's", 'say "hi"', "both ' and \"", "back\\slash", "tab\there", "x'y\\z", "new\nline", "\x01ctrl", "\x85", "caf\u00e9", "nb\u00a0sp"]
MODS = [(7, 3), (-7, 3), (7, -3), (-7, -3), (0, 5), (5, 0), (5.5, 2), (-5.5, 2), (5.5, -2), (-1e-20, 1),
        (7.0, 0), (7, 0.0), (1e10, 3), (2.0, 0.5), (-0.0, 3), (0.0, -3), (True, 2), (9, True)]
EXTRA_NAMES = ["Conv2DTranspose", "DepthwiseConv2D", "ConvLSTM2D", "SimpleRNN", "GRUCell", "PReLU", "HTTPServer",
               "getHTTPResponseCode", "ABC", "A", "", "already_snake", "With Space", "Dot.Name", "My-Layer",
               "EinsumDense", "MultiHeadAttention", "UpSampling2D", "IOError", "MyLSTMCell2D"]
TUPLES = ["3", "(3, 3)", "[2, 4]", "(3.0, 2)", "(2, 0.0)", "(0, 3)", "(-1, -2)", "(0, 0.0)", "'33'", "('3', 3)",
          "(3, 'a')", "(3,)", "(1, 2, 3)", "{3: 1, 4: 2}", "True", "(True, 2)", "(1.5, 2)", "3.0",
          "(3, 1e999)", "(-1e999, 2)", "None", "(None, 3)", "[0, -1]", "(2, [1])"]
FORMATS = ["None", "'channels_last'", "'channels_first'", "'Channels_Last'", "'NHWC'", "'first'", "1", "(1, 2)",
           "['channels_last']", "True"]

names = set(EXTRA_NAMES)
for module in [keras.layers, keras.losses, keras.metrics, keras.optimizers, keras.models]:
    names.update(n for n in dir(module) if n[:1].isupper())

out = {
    "float_repr": [[t, repr(float(t))] for t in FLOATS],
    "str_repr": [[s, repr(s)] for s in STRS],
    "mod": [[repr(a), repr(b), attempt(lambda a=a, b=b: a % b)] for a, b in MODS],
    "snake_case": [[n, to_snake_case(n)] for n in sorted(names)],
    "standardize_tuple": [
        [v, n, z, attempt(lambda v=v, n=n, z=z: standardize_tuple(eval(v), n, "size", allow_zero=z))]
        for v in TUPLES
        for n in (1, 2)
        for z in (False, True)
    ],
    "standardize_data_format": [[v, attempt(lambda v=v: standardize_data_format(eval(v)))] for v in FORMATS],
}
json.dump(out, sys.stdout, indent=1)
print()
