/**
 * Small pieces of Python and Keras-backend behaviour that the core, merging
 * and attention rules lean on: Python indexing (negative indices, the exact
 * IndexError) and the checks `add_weight` makes on a variable's shape
 * (Python's `%` is the shared one, `../python/numbers.ts`).
 */

import { raise } from '../errors';
import { shapeTuple } from '../messages/base';
import type { SeqKind } from '../messages/builtins';
import type { Dim, Shape } from '../shape';
import type { Weight } from '../rule';
import type { PyValue } from '../values';

export type { SeqKind };

/** `seq[i]` with Python's negative indices; out of range raises IndexError as Python does. */
export function pyIndex<T>(seq: readonly T[], i: number, kind: SeqKind = 'tuple'): T {
  const j = i < 0 ? seq.length + i : i;
  if (j < 0 || j >= seq.length) raise('indexOutOfRange', { seq: kind });
  return seq[j];
}

/** `del seq[i]` / `seq.pop(i)` on a copy: the new list, with Python's IndexError wording. */
export function pyDelete<T>(seq: readonly T[], i: number, how: 'del' | 'pop'): T[] {
  if (how === 'pop' && seq.length === 0) raise('popFromEmptyList', {});
  const j = i < 0 ? seq.length + i : i;
  if (j < 0 || j >= seq.length) raise(how === 'del' ? 'listAssignmentIndexOutOfRange' : 'popIndexOutOfRange', {});
  return [...seq.slice(0, j), ...seq.slice(j + 1)];
}

/** True where two dimensions could be equal: a '?' matches anything, None only None. */
export function dimsMayEqual(a: Dim, b: Dim): boolean {
  return a === '?' || b === '?' || a === b;
}

/** Tuple equality of two shapes (`a == b` in Python), letting '?' pass. */
export function shapesMayEqual(a: Shape, b: Shape): boolean {
  return a.length === b.length && a.every((d, i) => dimsMayEqual(d, b[i]));
}

/**
 * A weight as `Layer.add_weight` creates it: `standardize_shape` rejects
 * negative sizes, then the variable rejects `None` sizes. `path` names the
 * variable in the message (`einsum_dense/kernel`).
 */
export function makeWeight(path: string, shape: Shape, trainable = true): Weight {
  if (shape.some((d) => typeof d === 'number' && d < 0)) raise('shapeNegativeDimension', { shape: shapeTuple(shape) });
  if (shape.some((d) => d === null)) raise('variableShapeUndefined', { shape: shapeTuple(shape), path });
  const name = path.split('/').pop() ?? path;
  return { name, shape, trainable };
}

/**
 * A size argument that ends up in a weight's shape (`num_heads`, `lora_rank`):
 * an int (a bool counts as one), `'?'` when unknown, or raises as
 * `standardize_shape` does for a float or a string. `shapeOf` makes the whole
 * shape around the value, for the message.
 */
export function sizeDim(v: PyValue, shapeOf: (dim: PyValue) => PyValue): Dim {
  if (v.kind === 'int') return v.value;
  if (v.kind === 'bool') return v.value ? 1 : 0;
  if (v.kind === 'unknown') return '?';
  raise('shapeInvalidDimension', { shape: shapeOf(v), dim: v });
}
