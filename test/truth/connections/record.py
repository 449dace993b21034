"""The connections of every functional model of the truth programs, as Keras records them.

For each model with a graph that a program builds (Functional ones, and subclasses
that call `Model(inputs, outputs)`; Sequential ones are chains), and
for each row of its summary (`model._operations`), the calls of that
operation inside the model (its inbound nodes that belong to the model, as
`summary()`'s "Connected to" column lists them), each call as the list of
the tensors it takes: `[row of the operation that made the tensor, index
among that call's outputs]`. An InputLayer makes its input and takes
nothing. The program runs through `capture.py` (shared keras-truth), exactly
as its `.truth.json` was recorded.

    KERAS_BACKEND=jax python3 record.py > connections.json

With `--update NAME.py ...`, only those programs are recorded again and the other
records are kept from connections.json (written to standard output as above):

    KERAS_BACKEND=jax python3 record.py --update NAME.py > connections.new && mv connections.new connections.json
"""
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.abspath(os.path.join(HERE, "..", "..", ".."))
SHARED = os.path.abspath(os.path.join(REPO, "..", "shared", "keras-truth"))
FOLDERS = {"shared": os.path.join(SHARED, "programs"), "local": os.path.join(REPO, "test", "truth", "programs")}


def connections_of(model):
    from keras.src.models.functional import Functional
    from keras.src.models.sequential import Sequential
    from keras.src.ops.function import make_node_key

    if isinstance(model, Sequential) or not isinstance(model, Functional):
        return None
    ops = list(model._operations)
    row = {id(op): i for i, op in enumerate(ops)}
    out = []
    for op in ops:
        calls = []
        for i, node in enumerate(op._inbound_nodes):
            if make_node_key(op, i) not in model._nodes or node.is_input:
                continue
            calls.append(
                [[row.get(id(t._keras_history.operation), -1), t._keras_history.tensor_index] for t in node.input_tensors]
            )
        out.append(calls)
    return out


def run_one(file):
    """In a child process: capture.py on `file`, each Functional model's record with its connections."""
    sys.path.insert(0, SHARED)
    import capture

    original = capture.model_record

    def model_record(rec):
        record = original(rec)
        record["connections"] = connections_of(rec["obj"])
        return record

    capture.model_record = model_record
    capture.format_truth = lambda truth: json.dumps(
        [{k: m[k] for k in ("line", "kind", "name", "connections")} for m in truth["models"]]
    )
    return capture.main([file])


def main():
    if len(sys.argv) == 3 and sys.argv[1] == "--one":
        return run_one(sys.argv[2])
    # `--update NAME.py ...`: record only these programs, keeping the others' records from connections.json.
    only = None
    record = {}
    if len(sys.argv) > 2 and sys.argv[1] == "--update":
        only = set(os.path.basename(n) for n in sys.argv[2:])
        with open(os.path.join(HERE, "connections.json"), encoding="utf-8") as f:
            record = json.load(f)
    for where, folder in FOLDERS.items():
        for name in sorted(os.listdir(folder)):
            truth = os.path.join(folder, name[:-3] + ".truth.json")
            if not name.endswith(".py") or not os.path.exists(truth):
                continue
            if only is not None and name not in only:
                continue
            with open(truth, encoding="utf-8") as f:
                if all(m["kind"] == "Sequential" for m in json.load(f)["models"]):
                    continue
            print(f"recording {where}/{name}", file=sys.stderr)
            r = subprocess.run(
                [sys.executable, os.path.abspath(__file__), "--one", os.path.join(folder, name)],
                capture_output=True,
                text=True,
            )
            if r.returncode != 0:
                raise SystemExit(f"{name}: {r.stderr[-2000:]}")
            models = [m for m in json.loads(r.stdout) if m["connections"] is not None]
            record[f"{where}/{name[:-3]}"] = models
    print("{")
    order = list(FOLDERS)
    items = sorted(record.items(), key=lambda kv: (order.index(kv[0].split("/")[0]), kv[0] + ".py"))
    for i, (key, models) in enumerate(items):
        print(f"  {json.dumps(key)}: {json.dumps(models)}" + ("," if i < len(items) - 1 else ""))
    print("}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
