"""The shared `capture.py`, for programs whose model never ran Keras's `__init__`.

    KERAS_BACKEND=jax python3 record.py [capture.py's options] FILE.py > FILE.truth.json

Runs `../shared/keras-truth/capture.py` (beside the repository; `KERAS_TRUTH_CAPTURE` names another copy)
as it is, with one change to its report: a recorded model of a class whose `__init__` never called
Keras's (`super().__init__()` left out) has no `name` (Keras's `Operation.__init__` sets it), which
`capture.py` reads and fails on. Such a model is reported with `"name": null`, its rows as `model.layers`
holds them (never built: no shapes, 0 parameters) and no totals, as it stood when the file ended.
Every other model, and the rest of the record, is capture.py's own.
"""

import importlib.util
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
CAPTURE = os.environ.get("KERAS_TRUTH_CAPTURE") or os.path.normpath(
    os.path.join(HERE, "..", "..", "..", "..", "shared", "keras-truth", "capture.py")
)

spec = importlib.util.spec_from_file_location("capture", CAPTURE)
capture = importlib.util.module_from_spec(spec)
sys.modules["capture"] = capture
spec.loader.exec_module(capture)

shared_model_record = capture.model_record


def model_record(rec):
    model = rec["obj"]
    if "name" in vars(model):
        return shared_model_record(rec)
    rows = []
    try:
        items = capture.summary_rows(model)
    except Exception:  # noqa: BLE001
        items = []
    for op in items:
        rows.append(
            {
                "line": op.__dict__.get("_keras_truth_line"),
                "class": type(op).__name__,
                "name": getattr(op, "name", None),
                "output_shape": capture.output_shape_of(op),
                "params": capture.params_of(op),
            }
        )
    return {
        "line": rec["line"],
        "kind": type(model).__name__,
        "name": None,
        "layers": rows,
        "total_params": None,
        "trainable_params": None,
        "non_trainable_params": None,
    }


capture.model_record = model_record

if __name__ == "__main__":
    sys.argv = [CAPTURE] + sys.argv[1:]
    sys.exit(capture.main())
