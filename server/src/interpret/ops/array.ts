/**
 * Shape rules of `keras.ops` array manipulations (split, take, pad, roll,
 * slice, ...), each following its Keras 3 op class's `compute_output_spec`
 * (keras/src/ops/numpy.py, core.py). Keyed by the function name; `cls` is the
 * class a functional graph records as the summary row.
 */

import { broadcastShapes, canonicalizeAxis } from '../../shapes/arith';
import { cannotTell, raise } from '../../shapes/errors';
import { type Dim, dimProduct, type Shape } from '../../shapes/shape';
import { asItems, type Value } from '../values';
import { dimAdd, dimsOf, OpArgs, shapeOfValue, type MultiOut, type OpRule } from './args';

/** Keras's `_compute_split_output_spec`: equal sections (must divide the axis) or cut at indices. */
function splitShapes(x: Shape, sections: Value | undefined, axisArg: number): Shape[] {
  const axis = canonicalizeAxis(axisArg, x.length);
  const d = x[axis];
  const withDim = (n: Dim): Shape => x.map((e, i) => (i === axis ? n : e));
  if (sections?.kind === 'int') {
    const n = sections.value;
    if (typeof d !== 'number') return Array.from({ length: n }, () => withDim(d));
    if (d % n !== 0) {
      raise('splitNotDivisible', { size: d, sections: n });
    }
    return Array.from({ length: n }, () => withDim(d / n));
  }
  const cuts = (sections && asItems(sections)) ?? cannotTell('indices_or_sections');
  const bounds: Dim[] = [0, ...cuts.map((c) => (c.kind === 'int' ? c.value : c.kind === 'none' ? null : '?')), d];
  return bounds.slice(1).map((end, i) => {
    const start = bounds[i];
    return withDim(start === null || end === null ? null : start === '?' || end === '?' ? '?' : end - start);
  });
}

/** `array_split`: sections that may differ by one, the first ones larger. */
function arraySplitShapes(x: Shape, n: number, axisArg: number): MultiOut {
  const axis = axisArg < 0 ? axisArg + x.length : axisArg;
  const d = x[axis];
  const withDim = (k: Dim): Shape => x.map((e, i) => (i === axis ? k : e));
  if (typeof d !== 'number')
    return {
      outs: Array.from({ length: n }, () => withDim(d === null ? null : '?')),
      seq: d === null ? 'tuple' : 'list',
    };
  const base = Math.floor(d / n);
  return { outs: Array.from({ length: n }, (_, i) => withDim(base + (i < d % n ? 1 : 0))), seq: 'list' };
}

function unstackShapes(a: OpArgs): MultiOut {
  const x = a.shape(0, 'x');
  const axis = canonicalizeAxis(a.int(2, 'axis', 0), x.length);
  let num: Dim = a.optInt(1, 'num', null) ?? x[axis];
  if (num === null) raise('unstackNum', { shape: x });
  if (num === '?') num = cannotTell('num');
  const rest = x.filter((_, i) => i !== axis);
  return { outs: Array.from({ length: num }, () => rest), seq: 'list' };
}

/** Same shape as `x`, or flattened when `axis=None` (sort, cumsum, ...). */
function sameOrFlat(a: OpArgs, axisKey: string, axisIndex: number, dflt: number | null): Shape {
  const x = a.shape(0, 'x');
  const axis = a.optInt(axisIndex, axisKey, dflt);
  if (axis === null) return [dimProduct(x)];
  canonicalizeAxis(axis, x.length);
  return x;
}

function takeShape(a: OpArgs): Shape {
  const x = a.shape(0, 'x');
  const ind = a.shape(1, 'indices');
  const axis = a.optInt(2, 'axis', null);
  if (axis === null) return ind;
  const at = canonicalizeAxis(axis, x.length);
  return [...x.slice(0, at), ...ind, ...x.slice(at + 1)];
}

function takeAlongAxisShape(a: OpArgs): Shape {
  let x = a.shape(0, 'x');
  const ind = a.shape(1, 'indices');
  const axis = a.optInt(2, 'axis', null);
  if (axis === null) x = [dimProduct(x)];
  if (x.length !== ind.length) raise('takeAlongAxisRank', { x, indices: ind });
  const at = axis === null ? 0 : canonicalizeAxis(axis, x.length);
  return broadcastShapes(
    x.map((d, i) => (i === at ? ind[at] : d)),
    ind,
  );
}

/** `ops.slice(inputs, start_indices, shape)`: -1 in `shape` takes the rest of the axis. */
function sliceShape(a: OpArgs): Shape {
  const x = a.shape(0, 'inputs');
  const starts = a.get(1, 'start_indices');
  const size = dimsOf(a.get(2, 'shape') ?? cannotTell('shape'));
  if (size.length !== x.length) {
    raise('sliceRank', { inputs: x, shape: size });
  }
  const startItems = starts && asItems(starts);
  return size.map((s, i) => {
    if (s !== -1) return s;
    const d = x[i];
    if (starts?.kind === 'tensor' || d === null) return null;
    const st = startItems?.[i];
    return typeof d === 'number' && st?.kind === 'int' ? d - st.value : '?';
  });
}

/** `pad_width` as Keras's `Pad` normalises it: one pair for every axis, or one pair per axis. */
function padShape(a: OpArgs): Shape {
  const x = a.shape(0, 'x');
  const pw = a.get(1, 'pad_width') ?? cannotTell('pad_width');
  let pairs: Value[][];
  if (pw.kind === 'int') pairs = [[pw, pw]];
  else {
    const items = asItems(pw) ?? cannotTell('pad_width');
    if (items[0]?.kind === 'int') pairs = [items];
    else
      pairs = items.map((p) => asItems(p) ?? cannotTell('pad_width')).map((p) => (p.length === 1 ? [p[0], p[0]] : p));
  }
  if (pairs.length > 1 && pairs.length !== x.length) return cannotTell('pad_width length');
  const widths = pairs.map((p) => p.reduce<Dim>((s, v) => dimAdd(s, v.kind === 'int' ? v.value : '?'), 0));
  return x.map((d, i) => dimAdd(d, widths[pairs.length === 1 ? 0 : i]));
}

function repeatShape(a: OpArgs): Shape {
  const x = a.shape(0, 'x');
  const rv = a.get(1, 'repeats') ?? cannotTell('repeats');
  const reps = rv.kind === 'int' ? [rv.value] : a.ints(1, 'repeats');
  const axis = a.optInt(2, 'axis', null);
  const total = reps.length === 1 ? null : reps.reduce((s, r) => s + r, 0);
  if (axis === null) {
    const n = dimProduct(x);
    if (typeof n !== 'number') return [n === null ? null : '?'];
    if (total === null) return [n * reps[0]];
    return reps.length === n ? [total] : cannotTell('repeats size');
  }
  const at = canonicalizeAxis(axis, x.length);
  const d = x[at];
  const out = [...x];
  out[at] =
    typeof d !== 'number' ? d : total === null ? d * reps[0] : reps.length === d ? total : cannotTell('repeats size');
  return out;
}

function moveaxisShape(a: OpArgs): Shape {
  const x = a.shape(0, 'x');
  const src = a.axes(1, 'source', null)?.map((s) => canonicalizeAxis(s, x.length)) ?? cannotTell('source');
  const dst = a.axes(2, 'destination', null)?.map((s) => canonicalizeAxis(s, x.length)) ?? cannotTell('destination');
  const out: Array<Dim | undefined> = new Array(x.length).fill(undefined);
  src.forEach((s, i) => (out[dst[i]] = x[s]));
  const rest = x.filter((_, i) => !src.includes(i));
  return out.map((d) => (d === undefined ? rest.shift()! : d));
}

function swapaxesShape(a: OpArgs): Shape {
  const x = [...a.shape(0, 'x')];
  const i = canonicalizeAxis(a.int(1, 'axis1'), x.length);
  const j = canonicalizeAxis(a.int(2, 'axis2'), x.length);
  [x[i], x[j]] = [x[j], x[i]];
  return x;
}

/** The length of a diagonal of an (m, n) plane with an offset. */
function diagLength(m: Dim, n: Dim, offset: number): Dim {
  if (m === null || n === null) return null;
  if (m === '?' || n === '?') return '?';
  return Math.max(0, Math.min(offset > 0 ? n - offset : m + offset, Math.min(m, n)));
}

function diagonalShape(a: OpArgs): Shape {
  const x = a.shape(0, 'x');
  if (x.length < 2) raise('diagonalRank', { shape: x });
  const off = a.int(1, 'offset', 0);
  const i = canonicalizeAxis(a.int(2, 'axis1', 0), x.length);
  const j = canonicalizeAxis(a.int(3, 'axis2', 1), x.length);
  return [...x.filter((_, k) => k !== i && k !== j), diagLength(x[i], x[j], off)];
}

function traceShape(a: OpArgs): Shape {
  const x = a.shape(0, 'x');
  const i = canonicalizeAxis(a.int(2, 'axis1', 0), x.length);
  const j = canonicalizeAxis(a.int(3, 'axis2', 1), x.length);
  if (i === j) return cannotTell('axes');
  return x.filter((_, k) => k !== i && k !== j);
}

function diagShape(a: OpArgs): Shape {
  const x = a.shape(0, 'x');
  const k = a.int(1, 'k', 0);
  if (x.length === 1) {
    const n = typeof x[0] === 'number' ? x[0] + Math.abs(k) : x[0] === null ? null : '?';
    return [n, n];
  }
  if (x.length === 2) return [diagLength(x[0], x[1], k)];
  return raise('diagRank', { shape: x });
}

function appendShape(a: OpArgs): Shape {
  const x1 = a.shape(0, 'x1');
  const x2 = a.shape(1, 'x2');
  const axis = a.optInt(2, 'axis', null);
  if (axis === null) return [dimAdd(dimProduct(x1), dimProduct(x2))];
  const at = canonicalizeAxis(axis, x1.length);
  return x1.map((d, i) => (i === at ? dimAdd(d, x2[i]) : d));
}

/** `hstack` joins on axis 1, `vstack` on axis 0 (Keras checks the other axes only where both are known). */
function stackOn(axis: number) {
  return (a: OpArgs): Shape => {
    const xs = a.items(0, 'xs').map((v) => shapeOfValue(v) ?? cannotTell('xs'));
    if (xs.length === 0 || xs[0].length <= axis) return cannotTell('xs');
    return xs[0].map((d, i) => (i === axis ? xs.map((s) => s[axis]).reduce(dimAdd) : d));
  };
}

function diffShape(a: OpArgs): Shape {
  const x = [...a.shape(0, 'a')];
  const n = a.int(1, 'n', 1);
  const at = canonicalizeAxis(a.int(2, 'axis', -1), x.length);
  const d = x[at];
  if (typeof d === 'number') x[at] = Math.max(d - n, 0);
  return x;
}

function meshgridShapes(a: OpArgs): MultiOut {
  const xs = a.args.map((v) => shapeOfValue(v) ?? cannotTell('meshgrid input'));
  const sizes = xs.map((s) => (s.length === 0 ? 1 : dimProduct(s)));
  if (a.str(-1, 'indexing', 'xy') === 'xy' && sizes.length >= 2) [sizes[0], sizes[1]] = [sizes[1], sizes[0]];
  return { outs: xs.map(() => sizes), seq: 'list' };
}

function linspaceShape(a: OpArgs): Shape {
  const out = broadcastShapes(a.shape(0, 'start'), a.shape(1, 'stop'));
  const at = canonicalizeAxis(a.int(-1, 'axis', 0), out.length + 1);
  return [...out.slice(0, at), a.int(2, 'num', 50), ...out.slice(at)];
}

/** eye/tri(N, M=None): an (N, M) matrix, M defaulting to N. */
function squareish(a: OpArgs): Shape {
  const n = a.int(0, 'N');
  return [n, a.optInt(1, 'M', null) ?? n];
}

function whereShape(a: OpArgs): Shape {
  const s = (i: number, key: string): Shape => (a.isNone(i, key) ? [] : a.shape(i, key));
  return broadcastShapes(broadcastShapes(a.shape(0, 'condition'), s(1, 'x1')), s(2, 'x2'));
}

function broadcastToShape(a: OpArgs): Shape {
  const target = dimsOf(a.get(1, 'shape') ?? cannotTell('shape'));
  broadcastShapes(a.shape(0, 'x'), target);
  return target;
}

const same =
  (key: string) =>
  (a: OpArgs): Shape =>
    a.shape(0, key);

export const ARRAY_RULES: Record<string, OpRule> = {
  split: {
    cls: 'Split',
    multi: true,
    shape: (a) => ({
      outs: splitShapes(a.shape(0, 'x'), a.get(1, 'indices_or_sections'), a.int(2, 'axis', 0)),
      seq: 'list',
    }),
  },
  array_split: {
    cls: 'ArraySplit',
    multi: true,
    shape: (a) => arraySplitShapes(a.shape(0, 'x'), a.int(1, 'indices_or_sections'), a.int(2, 'axis', 0)),
  },
  hsplit: {
    cls: 'Hsplit',
    multi: true,
    shape: (a) => ({
      outs: splitShapes(a.shape(0, 'x'), a.get(1, 'indices_or_sections'), a.shape(0, 'x').length === 1 ? 0 : 1),
      seq: 'list',
    }),
  },
  vsplit: {
    cls: 'Vsplit',
    multi: true,
    shape: (a) => ({ outs: splitShapes(a.shape(0, 'x'), a.get(1, 'indices_or_sections'), 0), seq: 'list' }),
  },
  unstack: { cls: 'Unstack', multi: true, shape: unstackShapes },
  meshgrid: { cls: 'Meshgrid', multi: true, shape: meshgridShapes },
  roll: { cls: 'Roll', shape: same('x') },
  flip: { cls: 'Flip', shape: same('x') },
  tril: { cls: 'Tril', shape: same('x') },
  triu: { cls: 'Triu', shape: same('x') },
  slice_update: { cls: 'SliceUpdate', shape: same('inputs') },
  scatter_update: { cls: 'ScatterUpdate', shape: same('inputs') },
  sort: { cls: 'Sort', shape: (a) => sameOrFlat(a, 'axis', 1, -1) },
  argsort: { cls: 'Argsort', shape: (a) => sameOrFlat(a, 'axis', 1, -1) },
  cumsum: { cls: 'Cumsum', shape: (a) => sameOrFlat(a, 'axis', 1, null) },
  cumprod: { cls: 'Cumprod', shape: (a) => sameOrFlat(a, 'axis', 1, null) },
  ravel: { cls: 'Ravel', shape: (a) => [dimProduct(a.shape(0, 'x'))] },
  where: { cls: 'Where', shape: whereShape },
  take: { cls: 'Take', shape: takeShape },
  take_along_axis: { cls: 'TakeAlongAxis', shape: takeAlongAxisShape },
  slice: { cls: 'Slice', shape: sliceShape },
  broadcast_to: { cls: 'BroadcastTo', shape: broadcastToShape },
  pad: { cls: 'Pad', shape: padShape },
  repeat: { cls: 'Repeat', shape: repeatShape },
  moveaxis: { cls: 'Moveaxis', shape: moveaxisShape },
  swapaxes: { cls: 'Swapaxes', shape: swapaxesShape },
  diagonal: { cls: 'Diagonal', shape: diagonalShape },
  trace: { cls: 'Trace', shape: traceShape },
  diag: { cls: 'Diag', shape: diagShape },
  append: { cls: 'Append', shape: appendShape },
  hstack: { cls: 'Hstack', shape: stackOn(1) },
  vstack: { cls: 'Vstack', shape: stackOn(0) },
  diff: { cls: 'Diff', shape: diffShape },
  linspace: { cls: 'Linspace', shape: linspaceShape },
  eye: { cls: 'Eye', shape: squareish },
  tri: { cls: 'Tri', shape: squareish },
  identity: { cls: 'Identity', shape: (a) => [a.int(0, 'n'), a.int(0, 'n')] },
};
