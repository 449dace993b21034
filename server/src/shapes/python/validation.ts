/**
 * Keras's own argument checks that every layer family uses, as Keras writes
 * them: `standardize_tuple` (keras/src/utils/argument_validation.py) and
 * `standardize_data_format` (keras/src/backend/config.py). Their messages
 * are the catalogue's (messages/base.ts).
 */

import { cannotTell, raise } from '../errors';
import { pyStr } from '../messages/python';
import { pyTypeName, type PyValue } from '../values';
import { asPyNum, numValue, type PyNum } from './numbers';

/** `tuple(value)`: a tuple's or list's items, a string's characters, a dict's keys; null where Python raises TypeError. */
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

/** Whether Python's `int(x)` succeeds (infinity raises OverflowError, which `standardize_tuple` does not catch). */
function intConvertible(x: PyValue): boolean {
  if (x.kind === 'int' || x.kind === 'bool') return true;
  if (x.kind === 'float') {
    if (x.value === Infinity || x.value === -Infinity) raise('floatToIntInfinity', {});
    return !Number.isNaN(x.value);
  }
  return x.kind === 'str' && /^\s*[-+]?\d+(_\d+)*\s*$/.test(x.value);
}

/**
 * `standardize_tuple(value, n, name, allow_zero)`: an int (not a NumPy one) is repeated `n`
 * times; anything else must iterate to `n` items `int()` accepts, each
 * `> 0` (`>= 0` with `allowZero`). The items are kept as Python has them
 * (a float stays a float); a numeric string passes `int()` but then fails
 * the comparison with Python's TypeError.
 */
export function standardizeTuple(v: PyValue, n: number, name: string, allowZero = false): PyNum[] {
  if (v.kind === 'unknown' || v.kind === 'object' || v.kind === 'layer')
    cannotTell(`\`${name}\` is not known statically`);
  let items: PyValue[];
  // `isinstance(value, int)` is False for a NumPy integer, and `tuple()` of one raises.
  if ((v.kind === 'int' && !v.numpy) || v.kind === 'bool') items = new Array<PyValue>(n).fill(v);
  else {
    const it = pyIterItems(v);
    if (it === null || it.length !== n) raise('tupleArgInvalid', { name, n, value: v });
    for (const x of it) {
      if (x.kind === 'unknown' || x.kind === 'object' || x.kind === 'layer')
        cannotTell(`\`${name}\` is not known statically`);
      if (!intConvertible(x)) raise('tupleArgItemInvalid', { name, n, value: v, item: x });
    }
    items = it;
  }
  const op = allowZero ? '<' : '<=';
  const nums = items.map((x) => asPyNum(x) ?? raise('notOrderable', { op, left: pyTypeName(x), right: 'int' }));
  const bad = nums.filter((x) => (allowZero ? x.value < 0 : x.value <= 0)).map(numValue);
  if (bad.length > 0) raise('tupleArgItemsNotPositive', { name, n, value: v, bad, allowZero });
  return nums;
}

/** `standardize_data_format(value)`: None is the configured format; else `str(value).lower()` must name one. */
export function standardizeDataFormat(
  v: PyValue,
  imageDataFormat: 'channels_last' | 'channels_first',
): 'channels_last' | 'channels_first' {
  if (v.kind === 'unknown' || v.kind === 'object' || v.kind === 'layer')
    cannotTell('`data_format` is not known statically');
  if (v.kind === 'none') return imageDataFormat;
  const s = pyStr(v).toLowerCase();
  if (s !== 'channels_last' && s !== 'channels_first') raise('dataFormatInvalid', { value: v });
  return s;
}
