"""Records the shapes of the data in the data programs, as NumPy gives them.

For each program: the shape of every module-level NumPy array when the file
ends (`names`), and for each call of fit / evaluate / predict / *_on_batch the
line and the shapes of its inputs and targets (`calls`; a list or dict of
arrays gives a list or dict of shapes). The data methods are replaced by
no-ops that only record (the run goes past them, so a later binding is seen);
datasets come from capture.py's offline fakes, `tensorflow.keras`
from its shim.

    cd test/truth/data-hover && KERAS_BACKEND=jax /work/keras-venv/bin/python record.py \
        ../../../../shared/keras-truth/data-programs ../data-programs > shapes.json
"""

import json
import os
import sys
import tempfile

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
SHARED = os.path.join(HERE, "..", "..", "..", "..", "shared", "keras-truth")
sys.path.insert(0, SHARED)
import capture  # noqa: E402
import keras  # noqa: E402

capture.install_offline_patches()
# `tensorflow.keras` is Keras itself, as capture.py's shim makes it (TensorFlow is not installed).
SHIM = tempfile.mkdtemp(prefix="data-hover-")
os.makedirs(os.path.join(SHIM, "tensorflow"))
with open(os.path.join(SHIM, "tensorflow", "__init__.py"), "w") as f:
    f.write(capture.TF_SHIM_SOURCE)
sys.path.insert(0, SHIM)
from keras.src.utils import module_utils  # noqa: E402

module_utils.tensorflow._available = False
capture.install_training_noops()


def shape_of(v):
    if isinstance(v, np.ndarray) or hasattr(v, "shape") and not isinstance(v, (list, dict, tuple)):
        return [int(d) for d in v.shape]
    if isinstance(v, dict):
        return {str(k): shape_of(x) for k, x in v.items()}
    if isinstance(v, (list, tuple)):
        return [shape_of(x) for x in v]
    return None


CALLS = []
FILE = [None]


def recorder(method, targets):
    def run(self, *args, **kwargs):
        frame = sys._getframe(1)
        while frame and os.path.abspath(frame.f_code.co_filename) != FILE[0]:
            frame = frame.f_back
        x = args[0] if args else kwargs.get("x")
        y = (args[1] if len(args) > 1 else kwargs.get("y")) if targets else None
        CALLS.append({"line": frame.f_lineno if frame else None, "method": method,
                      "x": shape_of(x), "y": shape_of(y)})
        return noop(self, *args, **kwargs)
    noop = getattr(keras.Model, method)
    return run


for name, targets in [("fit", True), ("evaluate", True), ("predict", False),
                      ("train_on_batch", True), ("test_on_batch", True), ("predict_on_batch", False)]:
    setattr(keras.Model, name, recorder(name, targets))


def record(path):
    CALLS.clear()
    FILE[0] = os.path.abspath(path)
    cwd = os.getcwd()
    os.chdir(os.path.dirname(FILE[0]))
    # Files a program writes for itself (a CSV it then reads) are removed after it.
    before = set(os.listdir("."))
    g = {"__name__": "__main__", "__file__": FILE[0]}
    error = None
    stdout = sys.stdout
    sys.stdout = sys.stderr
    try:
        with open(FILE[0]) as f:
            exec(compile(f.read(), FILE[0], "exec"), g)
    except BaseException as e:  # noqa: BLE001 - the record says how the file ended
        error = type(e).__name__
    finally:
        sys.stdout = stdout
        for made in set(os.listdir(".")) - before:
            if os.path.isfile(made):
                os.remove(made)
        os.chdir(cwd)
    names = {k: [int(d) for d in v.shape] for k, v in g.items() if isinstance(v, np.ndarray)}
    return {"names": names, "calls": list(CALLS), "error": error}


out = {}
for folder in sys.argv[1:]:
    for f in sorted(os.listdir(folder)):
        if f.endswith(".py"):
            out[f] = record(os.path.join(folder, f))
print(json.dumps(out, indent=1, sort_keys=True))
