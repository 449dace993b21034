"""Records what Python itself makes of each line of expressions.txt.

    python3 record.py > values.json

Each entry is [expression, repr of its value] (or [expression, null] when
Python raises). The interpreter's values are checked against these by
test/interpret/pythonValues.test.ts.
"""
import json
import math  # noqa: F401  (available to the expressions)
import sys
import warnings

warnings.simplefilter("ignore")
out = []
for line in open("expressions.txt"):
    expr = line.strip()
    if not expr:
        continue
    try:
        out.append([expr, repr(eval(expr))])
    except Exception:
        out.append([expr, None])
json.dump(out, sys.stdout, indent=1)
print()
