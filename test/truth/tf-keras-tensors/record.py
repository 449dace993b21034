"""Which TensorFlow functions refuse a KerasTensor, as a functional model's code meets them.

A KerasTensor (`keras.Input(...)`, a layer's output) is symbolic: converting it to a TensorFlow tensor
(`KerasTensor.__tf_tensor__`) raises "A KerasTensor cannot be used as input to a TensorFlow function...".
A TensorFlow function that converts its argument raises that; one that only inspects it (`tf.is_tensor`,
`tf.nest.flatten`) does not. For every public function of `tf` and of its tensor-op modules (`tf.math`,
`tf.nn`, `tf.image`, `tf.linalg`, `tf.signal`, `tf.strings`) this records how it is called on a
KerasTensor of shape (None, 3): `first` lists the functions (by their path under `tf`, `math.not_equal`)
that raise Keras's ValueError when the tensor is their first positional argument (the other arguments,
where the function needs more, are the tensor again), `list` those that raise it when their first
argument is a list of tensors (`tf.concat([x, y], axis=1)`). The message is recorded once, as Keras
writes it.

    KERAS_BACKEND=tensorflow python3 record.py > ../../../server/src/interpret/keras/tfKerasTensorArgs.json
"""
import contextlib
import inspect
import io
import json
import os
import signal
import warnings

os.environ.setdefault("KERAS_BACKEND", "tensorflow")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
warnings.simplefilter("ignore")
import keras  # noqa: E402
import tensorflow as tf  # noqa: E402

x = keras.Input(shape=(3,))
try:
    tf.convert_to_tensor(x)
except ValueError as e:
    MESSAGE = str(e)

MODULES = ["", "math", "nn", "image", "linalg", "signal", "strings"]


class Slow(Exception):
    pass


def on_alarm(signum, frame):
    raise Slow()


signal.signal(signal.SIGALRM, on_alarm)


def refuses(f, args):
    signal.alarm(5)
    try:
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
            f(*args)
    except ValueError as e:
        return str(e) == MESSAGE
    except BaseException:
        return False
    finally:
        signal.alarm(0)
    return False


first, listed = [], []
for module in MODULES:
    namespace = getattr(tf, module) if module else tf
    for name in sorted(dir(namespace)):
        if name.startswith("_"):
            continue
        f = getattr(namespace, name)
        if inspect.ismodule(f) or inspect.isclass(f) or not callable(f):
            continue
        path = f"{module}.{name}" if module else name
        if any(refuses(f, (x,) * n) for n in (1, 2, 3)):
            first.append(path)
        if any(refuses(f, ([x, x],) + (x,) * n) for n in (0, 1)):
            listed.append(path)

print(
    json.dumps(
        {
            "keras_version": keras.__version__,
            "tensorflow_version": tf.__version__,
            "message": MESSAGE,
            "first": first,
            "list": listed,
        },
        indent=1,
    )
)
