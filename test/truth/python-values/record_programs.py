"""Records the value Python gives `r` at the end of each program of programs.txt
(programs separated by a line `# ----`).

    python3 record_programs.py > programs.json

Each entry is [program, repr of r] (or [program, null] when Python raises).
"""
import json
import sys

out = []
for src in open("programs.txt").read().split("\n# ----\n"):
    scope = {}
    try:
        exec(src, scope)
        out.append([src, repr(scope.get("r"))])
    except Exception:
        out.append([src, None])
json.dump(out, sys.stdout, indent=1)
print()
