"""Layer cases with NumPy integers for Python integers, recorded with Keras.

Keras checks many integer arguments with `isinstance(x, int)`, which is False
for a NumPy integer (`np.max(y) + 1`, an item of `np.array([64, 32])`), while
other arguments only compare or compute with them and take one. This takes
every case of the given `layers.jsonl`-format files that Keras accepted and,
one literal at a time, writes an integer argument of its constructor (or an
item of a tuple/list argument) as `np.int64(k)`: at most two cases per class,
argument and place (the value itself, or an item). Each is run by the shared
generator's own runner (`gen_layers.run_case`), with `np` visible to the
case's code, so the records have the `layers.jsonl` format.

    KERAS_BACKEND=jax python3 record.py ../../../../shared/keras-truth \
        ../../../../shared/keras-truth/layers.jsonl ../layers-seed2.jsonl > ../layers-numpy-ints.jsonl
"""
import ast
import builtins
import json
import os
import sys

os.environ.setdefault("KERAS_BACKEND", "jax")
os.environ["PYTHONHASHSEED"] = "0"
sys.path.insert(0, os.path.abspath(sys.argv[1]))
import warnings

warnings.simplefilter("ignore")
import numpy
import gen_layers
import keras

# The case's code is evaluated with `layers` and `keras` as globals; `np` is found among the builtins.
builtins.np = numpy


def variants(code):
    """(argument, place, new code) for each integer literal among the constructor's arguments."""
    call = ast.parse(code, mode="eval").body
    if not isinstance(call, ast.Call):
        return
    args = [(f"#{i}", a) for i, a in enumerate(call.args)] + [(k.arg, k.value) for k in call.keywords if k.arg]
    for name, value in args:
        places = [("value", value)]
        if isinstance(value, (ast.Tuple, ast.List)):
            places += [("item", item) for item in value.elts]
        for place, node in places:
            if isinstance(node, ast.Constant) and type(node.value) is int:
                start = sum(len(line) + 1 for line in code.split("\n")[: node.lineno - 1]) + node.col_offset
                end = sum(len(line) + 1 for line in code.split("\n")[: node.end_lineno - 1]) + node.end_col_offset
                yield name, place, code[:start] + f"np.int64({node.value})" + code[end:]


def main():
    taken = {}
    out = 0
    for path in sys.argv[2:]:
        for line in open(path):
            case = json.loads(line)
            if "error" in case:
                continue
            for name, place, code in variants(case["code"]):
                key = (case["layer"], name, place)
                taken[key] = taken.get(key, 0) + 1
                if taken[key] > 2:
                    continue
                result, _ = gen_layers.run_case(
                    keras, case["layer"], code, case.get("input_shape"), case.get("input_shapes")
                )
                rec = {"id": f"{case['layer']}/numpy-int/{out:04d}", "layer": case["layer"], "code": code}
                for k in ("input_shape", "input_shapes"):
                    if k in case:
                        rec[k] = case[k]
                rec.update(result)
                print(json.dumps(rec), flush=True)
                out += 1
                print(f"{out} cases", file=sys.stderr, end="\r")
    print(f"{out} cases", file=sys.stderr)


main()
