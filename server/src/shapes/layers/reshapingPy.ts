/**
 * Python semantics the reshaping, regularization and activation rules need
 * beyond `args.ts` and the shared `python/` toolkit: comparisons that raise
 * `TypeError` on non-numbers, and the final `standardize_shape` check Keras
 * applies to a computed output shape (a float or negative dimension raises
 * there, not earlier).
 */

import type { Args } from '../args';
import { cannotTell, raise } from '../errors';
import { asPyNum, type PyNum } from '../python/numbers';
import type { Dim } from '../shape';
import { shapeTuple } from '../messages/base';
import { containsUnknown, pyTypeName, type PyValue } from '../values';

/** The value as a Python number (bool counts as int), null for other kinds; unknown cannot tell. */
export function asNumber(v: PyValue): PyNum | null {
  if (v.kind === 'unknown') cannotTell('value not known statically');
  return asPyNum(v);
}

/**
 * Python's `left OP right` where one side is a number literal: the number the
 * value holds, or the `TypeError` Python raises for a non-number. `valueFirst`
 * says which operand the value is, so the message names the types in order.
 */
export function numberForCompare(v: PyValue, op: string, literal: 'int' | 'float', valueFirst: boolean): number {
  const n = asNumber(v);
  if (n !== null) return n.value;
  if (v.kind === 'object' || v.kind === 'layer') cannotTell('comparison with an opaque object');
  const [l, r] = valueFirst ? [pyTypeName(v), literal] : [literal, pyTypeName(v)];
  raise('notOrderable', { op, left: l, right: r });
}

/** One output dimension before Keras turns the tuple into a shape: a float there is an error. */
export interface RawDim {
  dim: Dim;
  isFloat: boolean;
}

export function rawDims(dims: Dim[]): RawDim[] {
  return dims.map((dim) => ({ dim, isFloat: false }));
}

/** The computed output tuple, as the messages print it. */
function rawTuple(dims: RawDim[]): PyValue {
  return shapeTuple(
    dims.map((d) => (typeof d.dim === 'number' && d.isFloat ? { kind: 'float', value: d.dim } : d.dim)),
  );
}

/**
 * `keras.src.backend.common.variables.standardize_shape` on a computed output
 * shape: a float or negative dimension raises. A '?' that may be either
 * cannot be judged.
 */
export function finishShape(dims: RawDim[]): Dim[] {
  for (const d of dims) {
    if (d.dim === null) continue;
    if (d.dim === '?') {
      if (d.isFloat) cannotTell('a dimension computed from a float is not known statically');
      continue;
    }
    if (d.isFloat) raise('shapeInvalidDimension', { shape: rawTuple(dims), dim: { kind: 'float', value: d.dim } });
    if (d.dim < 0) raise('shapeNegativeDimension', { shape: rawTuple(dims) });
  }
  return dims.map((d) => d.dim);
}

/**
 * Runs a constructor check only when every argument it reads is known. For
 * arguments that never change a shape (a dropout rate, a seed, an activation
 * slope), an unknown value is taken as valid: the layer keeps its shape
 * instead of becoming unknown, and no error is claimed.
 */
export function checkIfKnown(a: Args, names: string[], check: () => void): void {
  if (names.some((n) => containsUnknown(a.get(n)))) return;
  check();
}
