/**
 * Python numbers as Keras holds its arguments: a value and whether Python
 * has it as a float (Keras keeps `strides=2.0` a float; it fails only where
 * it lands in a shape), and Python's `%`.
 */

import { raise } from '../errors';
import type { PyValue } from '../values';

export interface PyNum {
  value: number;
  isFloat: boolean;
  /** A bool, which Python counts as an int but prints as `True`/`False`. */
  isBool?: boolean;
}

/** The number an int, bool or float holds; null for any other value. */
export function asPyNum(v: PyValue): PyNum | null {
  if (v.kind === 'int') return { value: v.value, isFloat: false };
  if (v.kind === 'bool') return { value: Number(v.value), isFloat: false, isBool: true };
  if (v.kind === 'float') return { value: v.value, isFloat: true };
  return null;
}

/** The Python value a number stands for, for messages. */
export function numValue(x: PyNum): PyValue {
  if (x.isBool) return { kind: 'bool', value: x.value !== 0 };
  return x.isFloat ? { kind: 'float', value: x.value } : { kind: 'int', value: x.value };
}

/**
 * Python's `a % b`: the result takes the divisor's sign (computed from the
 * remainder as CPython does, so floats round as Python's do); `% 0` raises
 * ZeroDivisionError.
 */
export function pyMod(a: number, b: number, isFloat = false): number {
  if (b === 0) raise(isFloat ? 'floatModuloByZero' : 'integerModuloByZero', {});
  const m = a % b;
  if (m === 0) return b < 0 ? -0 : 0;
  return m < 0 !== b < 0 ? m + b : m;
}
