"""Records how IPython reads each cell of cells.py.

    python3 record.py > transforms.json      (a Python with IPython installed)

Each entry has the cell's `source`, `transformed` (what
`TransformerManager().transform_cell` makes of it: the Python IPython runs
for that cell), `cell_magic` ({name, line, body, body_transformed} when the
cell is one `run_cell_magic` call: the body and what `transform_cell` makes of
it, which `%%capture` and `%%time` run), and `line_magics` (each
`run_line_magic` call of the transformed cell: its line, name and argument).
`runs_in_namespace` says, for cell magics (`%%NAME ARGS` over the body
`__ran__ = 1`) and line magics (`%NAME ARGS __ran__ = 1`), whether running
them in a real IPython shell left `__ran__` in the user's namespace: whether
their code runs as the notebook's own Python.

Shape Lens's reading of notebook cells (server/src/analysis/ipythonSyntax.ts)
is checked against this by test/features/notebook.test.ts.
"""
import ast
import json
import os
import sys
import tempfile

import IPython
from IPython.core.inputtransformer2 import TransformerManager

from cells import CELLS


def calls(tree, method):
    """(line, args) of each get_ipython().METHOD(...) call with literal arguments."""
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr == method
            and all(isinstance(a, ast.Constant) for a in node.args)
        ):
            yield node.lineno, [a.value for a in node.args]


def record(source):
    manager = TransformerManager()
    entry = {"source": source}
    try:
        transformed = manager.transform_cell(source)
    except SyntaxError as e:
        entry["error"] = f"SyntaxError: {e}"
        return entry
    entry["transformed"] = transformed
    try:
        tree = ast.parse(transformed)
    except SyntaxError:
        tree = None
    if tree is not None:
        magics = [
            {"line": line, "name": args[0], "args": args[1]} for line, args in calls(tree, "run_line_magic")
        ]
        entry["line_magics"] = sorted(magics, key=lambda m: m["line"])
        cell = list(calls(tree, "run_cell_magic"))
        if len(tree.body) == 1 and cell:
            name, line, body = cell[0][1]
            entry["cell_magic"] = {
                "name": name,
                "line": line,
                "body": body,
                "body_record": record(body),
            }
    return entry


CELL_MAGICS = ["capture", "capture out", "time", "time --no-raise-error", "timeit -n1 -r1", "prun -q", "bash", "sh",
               "html", "javascript", "markdown", "latex", "svg", "writefile body.txt", "script python3", "python3",
               "file body2.txt"]
LINE_MAGICS = ["time", "time --no-raise-error", "timeit -n1 -r1", "prun -q"]


def runs_in_namespace():
    """Runs each magic in a real shell, in a scratch folder, its output discarded."""
    from IPython.core.interactiveshell import InteractiveShell
    from IPython.utils.capture import capture_output

    shell = InteractiveShell.instance()
    os.chdir(tempfile.mkdtemp())

    def runs(cell):
        shell.user_ns.pop("__ran__", None)
        with capture_output():
            shell.run_cell(cell, silent=True)
        return "__ran__" in shell.user_ns

    return {
        "cell": {m: runs(f"%%{m}\n__ran__ = 1\n") for m in CELL_MAGICS},
        "line": {m: runs(f"%{m} __ran__ = 1\n") for m in LINE_MAGICS},
    }


cells = [record(c) for c in CELLS]
out = {"ipython": IPython.__version__, "cells": cells, "runs_in_namespace": runs_in_namespace()}
json.dump(out, sys.stdout, indent=1, ensure_ascii=False)
print()
