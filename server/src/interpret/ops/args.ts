/**
 * Reading a `keras.ops` call's arguments for the shape rules (array.ts,
 * math.ts): positional or keyword, with Python defaults. A value the rule
 * needs but the source does not tell throws `CannotTell`, so the op's output
 * shape is unknown rather than guessed.
 */

import { canonicalizeAxis } from '../../shapes/arith';
import { cannotTell } from '../../shapes/errors';
import type { Dim, Shape } from '../../shapes/shape';
import { asItems, type Value } from '../values';

/** Several tensors from one op (`split`, `top_k`, ...): Python returns a list or a tuple. */
export interface MultiOut {
  outs: Shape[];
  seq: 'list' | 'tuple';
}

export type OpResult = Shape | MultiOut;

/** One rule: the class Keras records and the output shape(s). */
export interface OpRule {
  cls: string;
  shape: (a: OpArgs) => OpResult;
  /** Returns several tensors: when their number cannot be told, the call's value is unknown. */
  multi?: boolean;
}

/** The shape of a nested list/tuple of numbers (`[[1, 2], [3, 4]]` is (2, 2)); undefined when ragged or not numbers. */
export function literalShape(v: Value): Shape | undefined {
  if (v.kind === 'int' || v.kind === 'float' || v.kind === 'bool') return [];
  const items = asItems(v);
  if (!items) return undefined;
  if (items.length === 0) return [0];
  const inner = literalShape(items[0]);
  if (!inner) return undefined;
  return [items.length, ...inner];
}

/** Shape of a value taking part in an op: a tensor's, an array's, a literal's; undefined when not known. */
export function shapeOfValue(v: Value): Shape | undefined {
  if (v.kind === 'tensor') return v.tensor.shape ?? undefined;
  if (v.kind === 'array') return v.shape ?? undefined;
  return literalShape(v);
}

function intOf(v: Value): number {
  if (v.kind === 'int') return v.value;
  if (v.kind === 'bool') return Number(v.value);
  return cannotTell('not a known int');
}

/** A shape argument written as ints (`(3, -1)`); None and unknown items are kept as null and '?'. */
export function dimsOf(v: Value): Dim[] {
  if (v.kind === 'int') return [v.value];
  const items = asItems(v);
  if (!items) return cannotTell('not a shape');
  return items.map((d) => (d.kind === 'int' ? d.value : d.kind === 'none' ? null : '?'));
}

export class OpArgs {
  constructor(
    readonly args: Value[],
    readonly kw: Map<string, Value>,
  ) {}

  /** Argument `i` or keyword `key`; undefined when absent. */
  get(i: number, key: string): Value | undefined {
    return i >= 0 && i < this.args.length ? this.args[i] : this.kw.get(key);
  }

  has(i: number, key: string): boolean {
    return this.get(i, key) !== undefined;
  }

  /** Whether the argument was given as `None` (or left out, when `absentIsNone`). */
  isNone(i: number, key: string, absentIsNone = true): boolean {
    const v = this.get(i, key);
    return v === undefined ? absentIsNone : v.kind === 'none';
  }

  shape(i: number, key: string): Shape {
    const v = this.get(i, key);
    return (v && shapeOfValue(v)) ?? cannotTell(`shape of ${key}`);
  }

  int(i: number, key: string, dflt?: number): number {
    const v = this.get(i, key);
    if (v === undefined && dflt !== undefined) return dflt;
    return v ? intOf(v) : cannotTell(key);
  }

  /** An int argument that may be `None`: null for None. */
  optInt(i: number, key: string, dflt: number | null): number | null {
    const v = this.get(i, key);
    if (v === undefined) return dflt;
    return v.kind === 'none' ? null : intOf(v);
  }

  /** An int or a sequence of ints (as Keras's `axis=`): null for None. */
  axes(i: number, key: string, dflt: number | number[] | null): number[] | null {
    const v = this.get(i, key);
    if (v === undefined) return typeof dflt === 'number' ? [dflt] : dflt;
    if (v.kind === 'none') return null;
    const items = asItems(v);
    return items ? items.map(intOf) : [intOf(v)];
  }

  ints(i: number, key: string): number[] {
    const v = this.get(i, key);
    const items = v && asItems(v);
    return items ? items.map(intOf) : cannotTell(key);
  }

  str(i: number, key: string, dflt?: string): string {
    const v = this.get(i, key);
    if (v === undefined && dflt !== undefined) return dflt;
    return v?.kind === 'str' ? v.value : cannotTell(key);
  }

  /** The items of a sequence argument (`xs` of `concatenate`). */
  items(i: number, key: string): Value[] {
    const v = this.get(i, key);
    return (v && asItems(v)) ?? cannotTell(key);
  }
}

/** Keras's `reduce_shape`: axes dropped (or kept as 1); all of them for `axis=None`. */
export function reduceDims(x: Shape, axes: number[] | null, keepdims: boolean): Shape {
  if (axes === null) return keepdims ? x.map(() => 1) : [];
  const set = new Set(axes.map((a) => canonicalizeAxis(a, x.length)));
  return keepdims ? x.map((d, i) => (set.has(i) ? 1 : d)) : x.filter((_, i) => !set.has(i));
}

/** Sum of two dims: None wins (as Keras's `None` check), then a size the source does not tell. */
export function dimAdd(a: Dim, b: Dim): Dim {
  if (a === null || b === null) return null;
  if (a === '?' || b === '?') return '?';
  return a + b;
}
