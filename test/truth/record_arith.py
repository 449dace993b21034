"""Record what real Keras says about 1-D output lengths, for arith.test.ts.

For a modest grid of input lengths, kernel/pool sizes, strides, dilations and
paddings, this builds Keras's own layers on `keras.Input` and reads the
output length (or records that Keras refused, e.g. a window larger than the
input under "valid"):

- `conv`:   keras.layers.Conv1D          (valid / same / causal)
- `pool`:   keras.layers.MaxPooling1D    (valid / same)
- `deconv`: keras.layers.Conv1DTranspose (valid / same, with and without
            output_padding)

Only combinations Keras accepts at construction are drawn (no strides > 1
with dilation > 1, output_padding < strides). Writes arith.json beside this
file. Run once, never edit the output by hand:

    cd test/truth && KERAS_BACKEND=jax python3 record_arith.py
"""

import json
import os

os.environ.setdefault("KERAS_BACKEND", "jax")

import keras  # noqa: E402

CHANNELS = 2


def output_length(layer, length):
    """The layer's output length on (None, length, CHANNELS), or its error."""
    try:
        y = layer(keras.Input(shape=(length, CHANNELS)))
    except Exception as e:  # Keras refusing is part of the truth.
        return {"output": None, "error": f"{type(e).__name__}: {e}"[:200]}
    return {"output": y.shape[1]}


def stride_dilation_pairs(strides, dilations):
    pairs = [(s, 1) for s in strides]
    pairs += [(1, d) for d in dilations if d > 1]
    return pairs


def conv_rows():
    rows = []
    for length in (2, 5, 7, 10):
        for kernel in (2, 3, 5):
            for stride, dilation in stride_dilation_pairs((1, 2, 3), (2,)):
                for padding in ("valid", "same", "causal"):
                    layer = keras.layers.Conv1D(
                        1, kernel, strides=stride, dilation_rate=dilation,
                        padding=padding)
                    rows.append({"length": length, "kernel": kernel,
                                 "stride": stride, "dilation": dilation,
                                 "padding": padding,
                                 **output_length(layer, length)})
    return rows


def pool_rows():
    rows = []
    for length in (2, 5, 7, 10):
        for pool in (1, 2, 3):
            for stride in (1, 2, 3):
                for padding in ("valid", "same"):
                    layer = keras.layers.MaxPooling1D(
                        pool, strides=stride, padding=padding)
                    rows.append({"length": length, "pool": pool,
                                 "stride": stride, "padding": padding,
                                 **output_length(layer, length)})
    return rows


def deconv_rows():
    rows = []
    for length in (1, 4):
        for kernel in (2, 3, 5):
            for stride, dilation in stride_dilation_pairs((1, 2, 3), (2,)):
                for padding in ("valid", "same"):
                    for output_padding in [None, *range(stride)]:
                        layer = keras.layers.Conv1DTranspose(
                            1, kernel, strides=stride, dilation_rate=dilation,
                            padding=padding, output_padding=output_padding)
                        rows.append({"length": length, "kernel": kernel,
                                     "stride": stride, "dilation": dilation,
                                     "padding": padding,
                                     "output_padding": output_padding,
                                     **output_length(layer, length)})
    return rows


def main():
    tables = {"conv": conv_rows(), "pool": pool_rows(),
              "deconv": deconv_rows()}
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)),
                       "arith.json")
    # One row per line, so a diff of a re-recording is readable.
    with open(out, "w") as f:
        f.write("{\n")
        f.write(f'  "keras_version": {json.dumps(keras.__version__)},\n')
        f.write(f'  "backend": {json.dumps(keras.backend.backend())},\n')
        names = list(tables)
        for i, name in enumerate(names):
            f.write(f'  "{name}": [\n')
            rows = tables[name]
            for j, row in enumerate(rows):
                comma = "," if j < len(rows) - 1 else ""
                f.write(f"    {json.dumps(row)}{comma}\n")
            f.write("  ]" + ("," if i < len(names) - 1 else "") + "\n")
        f.write("}\n")
    print(f"wrote {out}: " + ", ".join(
        f"{len(rows)} {name} rows" for name, rows in tables.items()))


if __name__ == "__main__":
    main()
