/**
 * Tensor shapes. A dimension is a whole number, `null` where Keras itself
 * has `None` (the batch axis, a variable length), or `'?'` where Keras would
 * know a number at run time but the source does not tell it.
 *
 * `'?'` never makes an error: every check that meets one lets it pass.
 */

import { tupleText } from './python/text';

export type Dim = number | null | '?';
export type Shape = Dim[];

export function isKnown(d: Dim): d is number {
  return typeof d === 'number';
}

/** Keras's text form, `(None, 15, 15, 12)`; `?` for a dimension the source does not tell. */
export function formatShape(shape: Shape): string {
  return tupleText(shape.map(formatDim));
}

export function formatDim(d: Dim): string {
  return d === null ? 'None' : String(d);
}

/** Product of dimensions: a number when all are known, else null (None) or '?'. */
export function dimProduct(dims: Dim[]): Dim {
  let p = 1;
  let sawUnknown = false;
  for (const d of dims) {
    if (d === null) return null;
    if (d === '?') sawUnknown = true;
    else p *= d;
  }
  return sawUnknown ? '?' : p;
}

/** Same rank and the same dimensions. */
export function shapesEqual(a: Shape, b: Shape): boolean {
  return a.length === b.length && a.every((d, i) => d === b[i]);
}
