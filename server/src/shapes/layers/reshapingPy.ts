/**
 * Python semantics the reshaping, regularization and activation rules need
 * beyond `args.ts`: comparisons that raise `TypeError` on non-numbers,
 * `tuple(value)`, Keras's `standardize_tuple` keeping float items as floats,
 * `standardize_data_format` with Keras's exact wording, and the final
 * `standardize_shape` check Keras applies to a computed output shape (a float
 * or negative dimension raises there, not earlier).
 *
 * These are general; they would belong in a shared file (args.ts / shape.ts).
 */

import type { Args } from '../args';
import { cannotTell, raise } from '../errors';
import type { Dim } from '../shape';
import { shapeTuple } from '../messages/base';
import { pyStr } from '../messages/python';
import { containsUnknown, pyTypeName, type PyValue } from '../values';

/** A Python number: its value, and whether Python holds it as a float (which a shape may not contain). */
export interface PyNum {
  value: number;
  isFloat: boolean;
}

/** The value as a Python number (bool counts as int), null for other kinds; unknown cannot tell. */
export function asNumber(v: PyValue): PyNum | null {
  if (v.kind === 'unknown') cannotTell('value not known statically');
  if (v.kind === 'int') return { value: v.value, isFloat: false };
  if (v.kind === 'bool') return { value: v.value ? 1 : 0, isFloat: false };
  if (v.kind === 'float') return { value: v.value, isFloat: true };
  return null;
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

/**
 * Python's `tuple(value)`: the items of a tuple or list, the characters of a
 * string, the keys of a dict; null when Python would raise `TypeError`.
 */
export function pyIterItems(v: PyValue): PyValue[] | null {
  switch (v.kind) {
    case 'unknown':
    case 'object':
    case 'layer':
      return cannotTell('iterating a value not known statically');
    case 'tuple':
    case 'list':
      return v.items;
    case 'str':
      return [...v.value].map((c): PyValue => ({ kind: 'str', value: c }));
    case 'dict':
      return v.entries.map(([k]) => k);
    default:
      return null;
  }
}

/** Python's `int(x)` succeeds for this item (ints, bools, floats, numeric strings). */
function intConvertible(x: PyValue): boolean {
  if (x.kind === 'int' || x.kind === 'bool') return true;
  if (x.kind === 'float') return Number.isFinite(x.value);
  return x.kind === 'str' && /^\s*[-+]?\d+(_\d+)*\s*$/.test(x.value);
}

/**
 * `keras.src.utils.argument_validation.standardize_tuple`, keeping each item
 * as Python would (Keras does not convert them: a float stays a float and
 * only fails later, when it lands in a shape).
 */
export function standardizeTupleKeepFloats(v: PyValue, n: number, name: string, allowZero = false): PyNum[] {
  if (v.kind === 'unknown') cannotTell(`\`${name}\` is not known statically`);
  let items: PyValue[];
  if (v.kind === 'int' || v.kind === 'bool') {
    items = new Array<PyValue>(n).fill(v);
  } else {
    const it = pyIterItems(v);
    if (it === null || it.length !== n) raise('tupleArgInvalid', { name, n, value: v });
    items = it;
    for (const x of items) {
      if (x.kind === 'unknown') cannotTell(`\`${name}\` is not known statically`);
      if (!intConvertible(x)) raise('tupleArgItemInvalid', { name, n, value: v, item: x });
    }
  }
  // `value < 0` (or `<= 0`) on each item: a numeric string passes int() but fails here.
  const op = allowZero ? '<' : '<=';
  const nums = items.map((x) => {
    numberForCompare(x, op, 'int', true);
    return asNumber(x) as PyNum;
  });
  const bad = nums.filter((x) => (allowZero ? x.value < 0 : x.value <= 0)).map(numValue);
  if (bad.length > 0) raise('tupleArgItemsNotPositive', { name, n, value: v, bad, allowZero });
  return nums;
}

/** `keras.src.backend.standardize_data_format`: `str(value).lower()` must name a format. */
export function kerasDataFormat(a: Args, name = 'data_format'): 'channels_last' | 'channels_first' {
  const v = a.known(name);
  if (v.kind === 'none') return a.options.imageDataFormat;
  if (v.kind === 'object' || v.kind === 'layer') cannotTell(`\`${name}\` is an object`);
  const s = pyStr(v).toLowerCase();
  if (s !== 'channels_last' && s !== 'channels_first') raise('dataFormatInvalid', { value: v });
  return s;
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

/** The Python value of a number. */
export function numValue(x: PyNum): PyValue {
  return x.isFloat ? { kind: 'float', value: x.value } : { kind: 'int', value: x.value };
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
