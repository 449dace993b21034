"""Which NumPy functions refuse a KerasTensor, as a functional model's code meets them.

A KerasTensor (`keras.Input(...)`, a layer's output) has no values: its
`__array__` raises "A KerasTensor is symbolic: ...". A NumPy function that
converts its argument to an array raises that; one that reads only `.shape`
or `.ndim`, or dispatches to a method of the tensor, does not. For every
public function of the `numpy` namespace this records how it is called on
a KerasTensor of shape (None, 3): `first` lists the functions that raise
Keras's ValueError when the tensor is their first positional argument (the
other arguments, where the function needs more, are the tensor again),
`list` those that raise it when their first argument is a list of tensors
(`np.concatenate([x, y])`). The message is recorded once, as Keras writes it.

    KERAS_BACKEND=jax python3 record.py > ../../../server/src/interpret/numpy/kerasTensorArgs.json
"""
import contextlib
import inspect
import io
import json
import os
import warnings

os.environ.setdefault("KERAS_BACKEND", "jax")
warnings.simplefilter("ignore")
import keras  # noqa: E402
import numpy as np  # noqa: E402

x = keras.Input(shape=(3,))
try:
    x.__array__()
except ValueError as e:
    MESSAGE = str(e)


def refuses(f, args):
    try:
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
            f(*args)
    except ValueError as e:
        return str(e) == MESSAGE
    except Exception:
        return False
    return False


first, listed = [], []
for name in sorted(dir(np)):
    if name.startswith("_"):
        continue
    f = getattr(np, name)
    if not callable(f) or inspect.isclass(f) and not issubclass(f, np.generic):
        continue
    if inspect.isclass(f):
        continue
    if any(refuses(f, (x,) * n) for n in (1, 2, 3)):
        first.append(name)
    elif any(refuses(f, ([x, x],) + (x,) * n) for n in (0, 1)):
        listed.append(name)

print(
    json.dumps(
        {"keras_version": keras.__version__, "numpy_version": np.__version__, "message": MESSAGE, "first": first, "list": listed},
        indent=1,
    )
)
