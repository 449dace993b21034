"""The shapes scikit-learn's dataset loaders return, for server/src/interpret/numpy/sklearnDatasets.json.

    python record.py > ../../../server/src/interpret/numpy/sklearnDatasets.json

The datasets bundled with scikit-learn are loaded and their arrays' shapes
read. California housing is downloaded on first use (no network here): its
shape is read from the loader's own description ("Samples total",
"Dimensionality"), and its target is one value per sample.
"""
import inspect
import json
import re

import sklearn
from sklearn import datasets

BUNDLED = ["load_iris", "load_digits", "load_breast_cancer", "load_wine", "load_diabetes"]


def shapes(bunch):
    return {
        key: list(value.shape)
        for key, value in bunch.items()
        if hasattr(value, "shape") and key in ("data", "target", "images")
    }


def documented(loader):
    doc = inspect.getdoc(loader)
    samples = int(re.search(r"Samples total\s+(\d+)", doc).group(1))
    features = int(re.search(r"Dimensionality\s+(\d+)", doc).group(1))
    return {"data": [samples, features], "target": [samples]}


out = {"sklearn_version": sklearn.__version__, "loaders": {}}
for name in BUNDLED:
    out["loaders"][name] = shapes(getattr(datasets, name)())
out["loaders"]["fetch_california_housing"] = documented(datasets.fetch_california_housing)
print(json.dumps(out, indent=1, sort_keys=True))
