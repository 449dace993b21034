"""For every layer class in the given truth files: does a call leave `_build_shapes_dict` set?

Keras's summary shows a row's output shape from the layer's inbound nodes, or,
when a layer was only called inside a traced or eager call (a subclassed
model's `call`), from `compute_output_shape(**_build_shapes_dict)`: a layer
whose build is never run with shapes shows no shape. One successful case per
class is run eagerly on zeros of its input shape (batch 2).

    KERAS_BACKEND=jax python3 record.py ../../../../shared/keras-truth/layers.jsonl ../layers-seed2.jsonl > build_shapes.json
"""
import json, sys, os
os.environ.setdefault("KERAS_BACKEND", "jax")
import numpy as np
import keras
from keras import layers

seen = {}
lines = [line for src in sys.argv[1:] for line in open(src)]
for line in lines:
    c = json.loads(line)
    cls = c["layer"]
    if cls in seen or "error" in c:
        continue
    shapes = c.get("input_shapes") or [c["input_shape"]]
    if any(d is None for s in shapes for d in s[1:]):
        continue
    try:
        layer = eval(c["code"], {"layers": layers, "keras": keras})
        arrays = [np.zeros([2] + list(s[1:]), dtype="float32") for s in shapes]
        if "input_shapes" in c:
            layer(arrays)
        else:
            layer(arrays[0])
    except Exception as e:
        continue
    seen[cls] = layer._build_shapes_dict is not None
json.dump(dict(sorted(seen.items())), sys.stdout, indent=1)
print()
