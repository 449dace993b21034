/**
 * Small Python-semantics helpers shared by the normalization and
 * preprocessing families: indexing a shape tuple, `int()`/`float()`
 * conversions, Python comparisons, and the "variables must be fully
 * defined" check `add_weight` makes.
 *
 * Candidates for a shared file (args.ts / shape.ts): `pyIndex`,
 * `pyIntConvert`, `requireDefinedWeights`.
 */

import { cannotTell, raise } from '../errors';
import { shapeTuple } from '../messages/base';
import type { Dim, Shape } from '../shape';
import type { Weight } from '../rule';
import { pyTypeName, type PyValue } from '../values';

/** `shape[i]` on a Python tuple: negative counts from the end, out of range is an IndexError. */
export function pyIndex(shape: Shape, i: number): Dim {
  const j = i < 0 ? i + shape.length : i;
  if (j < 0 || j >= shape.length) raise('indexOutOfRange', { seq: 'tuple' });
  return shape[j];
}

/** `shape[v]` for a PyValue index: ints and bools index, anything else is a TypeError. */
export function pyIndexValue(shape: Shape, v: PyValue): Dim {
  if (v.kind === 'unknown') cannotTell('index not known statically');
  if (v.kind === 'int') return pyIndex(shape, v.value);
  if (v.kind === 'bool') return pyIndex(shape, Number(v.value));
  raise('tupleIndexNotInteger', { type: pyTypeName(v) });
}

/** A number from an int, bool or float (Python's numeric tower), else null. */
export function numeric(v: PyValue): number | null {
  if (v.kind === 'int' || v.kind === 'float') return v.value;
  if (v.kind === 'bool') return Number(v.value);
  if (v.kind === 'unknown') cannotTell('value not known statically');
  return null;
}

/** A number for a comparison like `x < 0`: non-numbers raise Python's TypeError. */
export function comparable(v: PyValue, op = '<', other = 'int'): number {
  const n = numeric(v);
  if (n === null) raise('notOrderable', { op, left: pyTypeName(v), right: other });
  return n;
}

/** Python's `int(v)`: truncates floats, parses numeric strings. */
export function pyIntConvert(v: PyValue): number {
  if (v.kind === 'unknown') cannotTell('value not known statically');
  if (v.kind === 'int') return v.value;
  if (v.kind === 'bool') return Number(v.value);
  if (v.kind === 'float') {
    if (!Number.isFinite(v.value)) raise('floatToIntInfinity', {});
    return Math.trunc(v.value);
  }
  if (v.kind === 'str') {
    if (/^\s*[-+]?\d+\s*$/.test(v.value)) return parseInt(v.value, 10);
    raise('intLiteralInvalid', { value: v.value });
  }
  if (v.kind === 'object' || v.kind === 'layer') cannotTell('int() of an object');
  raise('intArgumentType', { type: pyTypeName(v) });
}

/** Python's `float(v)`. */
export function pyFloatConvert(v: PyValue): number {
  if (v.kind === 'unknown') cannotTell('value not known statically');
  const n = numeric(v);
  if (n !== null) return n;
  if (v.kind === 'str') {
    const s = v.value.trim();
    if (/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(s) || /^[-+]?(inf|infinity|nan)$/i.test(s)) return Number(s);
    raise('floatLiteralInvalid', { value: v.value });
  }
  if (v.kind === 'object' || v.kind === 'layer') cannotTell('float() of an object');
  raise('floatArgumentType', { type: pyTypeName(v) });
}

/**
 * `add_weight` refuses a shape with a `None` dimension. Weights are checked
 * in creation order, so the message names the first one Keras would create.
 */
export function requireDefinedWeights(layer: string, weights: Weight[]): Weight[] {
  for (const w of weights) {
    if (w.shape.some((d) => d === null))
      raise('variableShapeUndefined', { shape: shapeTuple(w.shape), path: `${layer}/${w.name}` });
  }
  return weights;
}

/** The items of a list/tuple value, or null. */
export function itemsOf(v: PyValue): PyValue[] | null {
  return v.kind === 'list' || v.kind === 'tuple' ? v.items : null;
}

/** Python's `sorted()` on a list of numbers (non-numbers: CannotTell, we do not model mixed comparisons). */
export function sortedNumbers(items: PyValue[]): number[] {
  return items
    .map((x) => {
      const n = numeric(x);
      if (n === null) cannotTell('sorting non-numbers');
      return n;
    })
    .sort((a, b) => a - b);
}
