"""Records what real Keras builds when a notebook's code cells run, in order, as IPython runs them.

    /tmp/ipy/bin/python record.py --keras-python /work/keras-venv/bin/python [--real-fit] NAME.ipynb

(a Python with IPython installed runs this script; the Keras one runs
../../../../shared/keras-truth/capture.py). It writes, beside the notebook:

* NAME.program.py: the program the code cells make, one line per cell line,
  each cell as IPython's TransformerManager().transform_cell() reads it. A
  cell magic whose body IPython runs in the user's namespace (found by
  running `%%NAME ARGS` over `__ran__ = 1` in a real IPython shell:
  %%capture, %%time) gets its body, read by IPython in turn, on its own
  lines; any other cell magic stays the one run_cell_magic() call IPython
  makes, followed by empty lines. Lines IPython drops (leading blank lines)
  are empty lines. Markdown and raw cells are left out.
* NAME.lines.json: for each program line (1-based, in order), [cell index in
  the notebook, 1-based line in the cell].
* NAME.truth.json: capture.py's record of NAME.program.py (with --real-fit
  when given: fit and predict train and predict as in a real run), run with a
  get_ipython() whose run_line_magic("time", CODE) runs CODE where it is
  called (as %time does) and whose other magics and shell commands do
  nothing (they build no model).
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile

from IPython.core.interactiveshell import InteractiveShell
from IPython.core.inputtransformer2 import TransformerManager
from IPython.utils.capture import capture_output

HERE = os.path.dirname(os.path.abspath(__file__))
CAPTURE = os.path.join(HERE, "..", "..", "..", "..", "shared", "keras-truth", "capture.py")

STUB = r'''
import builtins, runpy, sys

class _Shell:
    def run_line_magic(self, name, args):
        if name != "time":
            return None
        frame = sys._getframe(1)
        code = args.replace("--no-raise-error", "", 1).strip()
        try:
            compiled = compile(code, "<timed eval>", "eval")
        except SyntaxError:
            exec(compile(code, "<timed exec>", "exec"), frame.f_globals, frame.f_locals)
            return None
        return eval(compiled, frame.f_globals, frame.f_locals)

    def run_cell_magic(self, name, line, body):
        return None

    def system(self, cmd):
        return 0

    def getoutput(self, cmd):
        return []

builtins.get_ipython = lambda: _Shell()
sys.argv = [sys.argv[1]] + sys.argv[2:]
runpy.run_path(sys.argv[0], run_name="__main__")
'''

_shell = None


def body_runs(name, line):
    """Whether IPython runs a %%NAME LINE cell's body in the user's namespace."""
    global _shell
    if _shell is None:
        _shell = InteractiveShell.instance()
    _shell.user_ns.pop("__ran__", None)
    cwd = os.getcwd()
    os.chdir(tempfile.mkdtemp())
    try:
        with capture_output():
            _shell.run_cell(f"%%{name} {line}\n__ran__ = 1\n", silent=True)
    finally:
        os.chdir(cwd)
    return "__ran__" in _shell.user_ns


def lay_out(source):
    """The cell's program lines, one per line of `source`."""
    count = len(source.split("\n"))
    manager = TransformerManager()
    lines = source.split("\n")
    leading = 0
    while leading < len(lines) - 1 and not lines[leading].strip():
        leading += 1
    transformed = manager.transform_cell(source)
    out = [""] * leading
    if transformed.startswith("get_ipython().run_cell_magic(") and lines[leading].lstrip().startswith("%%"):
        import ast

        name, line, body = [a.value for a in ast.parse(transformed).body[0].value.args]
        if body_runs(name, line):
            body_lines = lay_out(body[:-1] if body.endswith("\n") else body)
            out += [""] + body_lines
        else:
            out += [transformed.rstrip("\n")]
    else:
        out += transformed.rstrip("\n").split("\n")
    out += [""] * (count - len(out))
    if len(out) != count:
        sys.exit(f"record.py: IPython joined lines of this cell; keep it line for line:\n{source}")
    return out


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--keras-python", required=True)
    parser.add_argument("--real-fit", action="store_true", help="passed to capture.py: fit and predict run Keras's own")
    parser.add_argument("notebook")
    args = parser.parse_args()
    with open(args.notebook, encoding="utf-8") as f:
        nb = json.load(f)
    program, where = [], []
    for index, cell in enumerate(nb["cells"]):
        if cell["cell_type"] != "code":
            continue
        source = "".join(cell["source"])
        for k, line in enumerate(lay_out(source)):
            program.append(line)
            where.append([index, k + 1])
    base = args.notebook[: -len(".ipynb")]
    with open(base + ".program.py", "w", encoding="utf-8") as f:
        f.write("\n".join(program) + "\n")
    with open(base + ".lines.json", "w") as f:
        json.dump(where, f)
        f.write("\n")
    env = dict(os.environ, KERAS_BACKEND="jax")
    with tempfile.NamedTemporaryFile("w", suffix=".py", delete=False) as runner:
        runner.write(STUB)
    truth = subprocess.run(
        [args.keras_python, runner.name, os.path.abspath(CAPTURE)]
        + (["--real-fit"] if args.real_fit else [])
        + [os.path.abspath(base + ".program.py")],
        env=env, capture_output=True, text=True, check=True,
    ).stdout
    with open(base + ".truth.json", "w") as f:
        f.write(truth)


if __name__ == "__main__":
    main()
