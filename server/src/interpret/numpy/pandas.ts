/**
 * pandas frames as far as shapes go: `read_csv` gives a frame of unknown
 * rows, with known columns where `usecols=` lists them; `df[[...]]`,
 * `df.iloc[:, a:b]`, `df.iloc[:, k]` and `drop(columns=...)` narrow it;
 * `.values`/`.to_numpy()` give the NumPy array. A frame is an array value
 * marked `pandas`, so data checks read it as any array (unknown rows check
 * nothing); everything else of pandas is unknown.
 */

import type { Dim } from '../../shapes/shape';
import type { PyNode as SyntaxNode } from '../../syntax/ast';
import type { Interpreter } from '../python/interpreter';
import type { Scope } from '../python/scope';
import { asInt, asItems, kwarg, UNKNOWN, type Value } from '../values';

type Kwargs = Array<[string, Value]>;
type ArrayValue = Value & { kind: 'array' };

const frame = (cols: Dim): Value => ({ kind: 'array', shape: ['?', cols], pandas: 'frame' });

export function isPandasName(q: string): boolean {
  return q.startsWith('pandas.');
}

export function callPandas(q: string, args: Value[], kwargs: Kwargs): Value {
  if (q === 'pandas.read_csv' || q === 'pandas.read_excel' || q === 'pandas.read_table') {
    const cols = asItems(kwarg(kwargs, 'usecols') ?? { kind: 'none' });
    return frame(cols ? cols.length : '?');
  }
  return UNKNOWN;
}

/** A frame's or series' attribute: its array, its shape, its indexer; undefined when not modelled. */
export function pandasAttribute(v: ArrayValue, attr: string): Value | undefined {
  if (v.pandas === 'iloc') return UNKNOWN;
  if (attr === 'values') return { kind: 'array', shape: v.shape };
  if (attr === 'iloc' && v.pandas === 'frame') return { ...v, pandas: 'iloc' };
  if (attr === 'to_numpy' || attr === 'drop' || attr === 'astype') return { kind: 'method', self: v, name: attr };
  if (attr === 'shape' || attr === 'ndim') return undefined;
  return UNKNOWN;
}

export function pandasMethod(v: ArrayValue, name: string, args: Value[], kwargs: Kwargs): Value {
  if (name === 'to_numpy') return { kind: 'array', shape: v.shape };
  if (name === 'astype') return v;
  if (name === 'drop' && v.pandas === 'frame' && v.shape) {
    const axis = kwarg(kwargs, 'axis');
    const named =
      kwarg(kwargs, 'columns') ??
      (axis && (asInt(axis) === 1 || (axis.kind === 'str' && axis.value === 'columns')) ? args[0] : undefined);
    const dropped = named && (named.kind === 'str' ? 1 : asItems(named)?.length);
    const cols = v.shape[1];
    if (dropped === undefined || kwarg(kwargs, 'inplace')) return UNKNOWN;
    return frame(typeof cols === 'number' ? cols - dropped : '?');
  }
  return UNKNOWN;
}

/** `df[...]`, `df.iloc[...]`: columns by name or by position; undefined when pandas's indexing is not modelled. */
export function pandasGetItem(v: ArrayValue, subs: SyntaxNode[], scope: Scope, interp: Interpreter): Value {
  const rows: Dim = v.shape?.[0] ?? '?';
  if (v.pandas === 'frame' && subs.length === 1) {
    const key = interp.eval(subs[0], scope);
    if (key.kind === 'str') return { kind: 'array', shape: [rows], pandas: 'series' };
    const names = key.kind === 'list' ? asItems(key) : undefined;
    if (names?.every((n) => n.kind === 'str')) return frame(names.length);
    return UNKNOWN;
  }
  // `iloc[:, a:b]` and `iloc[:, k]`: every row, a run of columns (its bounds non-negative literals) or one column.
  const parts = subs.length === 1 && subs[0].type === 'tuple' ? subs[0].namedChildren : subs;
  if (v.pandas !== 'iloc' || parts.length !== 2 || parts[0].type !== 'slice' || parts[0].text !== ':') return UNKNOWN;
  const col = parts[1];
  if (col.type === 'slice') {
    const bounds = col.namedChildren.map((c) => asInt(interp.eval(c, scope)));
    const [a, b] = col.text.startsWith(':') ? [0, bounds[0]] : [bounds[0], bounds[1]];
    if (col.namedChildren.length > 2 || a === undefined || b === undefined || a < 0 || b <= a) return UNKNOWN;
    return frame(b - a);
  }
  const k = asInt(interp.eval(col, scope));
  return k !== undefined && k >= 0 ? { kind: 'array', shape: [rows], pandas: 'series' } : UNKNOWN;
}
