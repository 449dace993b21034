/**
 * Small Python-semantics helpers shared by the normalization and
 * preprocessing families: indexing a shape tuple, `int()`/`float()`
 * conversions, Python comparisons, and the "variables must be fully
 * defined" check `add_weight` makes.
 *
 * Candidates for a shared file (args.ts / shape.ts): `pyIndex`,
 * `pyIntConvert`, `requireDefinedWeights`, `snakeName`.
 */

import { cannotTell, raise } from '../errors';
import { formatShape, type Dim, type Shape } from '../shape';
import type { Weight } from '../rule';
import { pyRepr, pyTypeName, type PyValue } from '../values';

/** `shape[i]` on a Python tuple: negative counts from the end, out of range is an IndexError. */
export function pyIndex(shape: Shape, i: number): Dim {
  const j = i < 0 ? i + shape.length : i;
  if (j < 0 || j >= shape.length) raise('tuple index out of range', 'IndexError');
  return shape[j];
}

/** `shape[v]` for a PyValue index: ints and bools index, anything else is a TypeError. */
export function pyIndexValue(shape: Shape, v: PyValue): Dim {
  if (v.kind === 'unknown') cannotTell('index not known statically');
  if (v.kind === 'int') return pyIndex(shape, v.value);
  if (v.kind === 'bool') return pyIndex(shape, Number(v.value));
  raise(`tuple indices must be integers or slices, not ${pyTypeName(v)}`, 'TypeError');
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
  if (n === null) raise(`'${op}' not supported between instances of '${pyTypeName(v)}' and '${other}'`, 'TypeError');
  return n;
}

/** Python's `int(v)`: truncates floats, parses numeric strings. */
export function pyIntConvert(v: PyValue): number {
  if (v.kind === 'unknown') cannotTell('value not known statically');
  if (v.kind === 'int') return v.value;
  if (v.kind === 'bool') return Number(v.value);
  if (v.kind === 'float') {
    if (!Number.isFinite(v.value)) raise('cannot convert float infinity to integer', 'OverflowError');
    return Math.trunc(v.value);
  }
  if (v.kind === 'str') {
    if (/^\s*[-+]?\d+\s*$/.test(v.value)) return parseInt(v.value, 10);
    raise(`invalid literal for int() with base 10: ${pyRepr(v)}`);
  }
  if (v.kind === 'object' || v.kind === 'layer') cannotTell('int() of an object');
  raise(`int() argument must be a string, a bytes-like object or a real number, not '${pyTypeName(v)}'`, 'TypeError');
}

/** Python's `float(v)`. */
export function pyFloatConvert(v: PyValue): number {
  if (v.kind === 'unknown') cannotTell('value not known statically');
  const n = numeric(v);
  if (n !== null) return n;
  if (v.kind === 'str') {
    const s = v.value.trim();
    if (/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(s) || /^[-+]?(inf|infinity|nan)$/i.test(s)) return Number(s);
    raise(`could not convert string to float: ${pyRepr(v)}`);
  }
  if (v.kind === 'object' || v.kind === 'layer') cannotTell('float() of an object');
  raise(`float() argument must be a string or a real number, not '${pyTypeName(v)}'`, 'TypeError');
}

/** `CamelCase` -> `camel_case`, as Keras names layers (`layer_normalization`). */
export function snakeName(className: string): string {
  return className
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .replace(/([a-z\d])([A-Z])/g, '$1_$2')
    .toLowerCase();
}

/**
 * `add_weight` refuses a shape with a `None` dimension. Weights are checked
 * in creation order, so the message names the first one Keras would create.
 */
export function requireDefinedWeights(className: string, weights: Weight[]): Weight[] {
  for (const w of weights) {
    if (w.shape.some((d) => d === null)) {
      raise(
        'Shapes used to initialize variables must be fully-defined (no `None` dimensions). ' +
          `Received: shape=${formatShape(w.shape)} for variable path='${snakeName(className)}/${w.name}'`,
      );
    }
  }
  return weights;
}

/** The items of a list/tuple value, or null. */
export function itemsOf(v: PyValue): PyValue[] | null {
  return v.kind === 'list' || v.kind === 'tuple' ? v.items : null;
}

/** `backend.standardize_data_format`: `str(x).lower()` must be one of the two formats. */
export function standardizeDataFormat(
  v: PyValue,
  dflt: 'channels_last' | 'channels_first',
): 'channels_last' | 'channels_first' {
  if (v.kind === 'unknown') cannotTell('`data_format` is not known statically');
  if (v.kind === 'none') return dflt;
  if (v.kind === 'object' || v.kind === 'layer') cannotTell('`data_format` is an object');
  const s = (v.kind === 'str' ? v.value : pyStr(v)).toLowerCase();
  if (s !== 'channels_last' && s !== 'channels_first') {
    raise(
      `The \`data_format\` argument must be one of {'channels_first', 'channels_last'}. Received: data_format=${s}`,
    );
  }
  return s;
}

/** Python's `str(v)` (a string is itself, everything else its repr). */
export function pyStr(v: PyValue): string {
  return v.kind === 'str' ? v.value : pyRepr(v);
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
