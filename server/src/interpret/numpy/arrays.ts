/**
 * NumPy arrays (and the eager tensors and weights that behave as arrays):
 * what `numpy` functions make (`np.zeros`, `np.random.rand`, ...), their
 * attributes and methods (`.shape`, `.T`, `.reshape`, `.sum(-1)`), their
 * arithmetic (broadcasting) and indexing. Shapes are followed, a dataset's
 * largest label (for `max()`), and the values of an integer array the source
 * writes out (`np.array([64, 32])`: its items are NumPy integers, which Keras
 * refuses where it checks `isinstance(x, int)`); NumPy's functions that share
 * a name with a `keras.ops` function shape arrays by the same rule (ops/).
 */

import { broadcastShapes } from '../../shapes/arith';
import { errorOf } from '../../shapes/errors';
import type { Dim, Shape } from '../../shapes/shape';
import type { NumpyInt } from '../../shapes/values';
import type { PyNode as SyntaxNode } from '../../syntax/ast';
import type { KerasApi } from '../keras/api';
import { isKerasTensor } from '../graph';
import { getItemShape } from '../ops/getItem';
import kerasTensorArgs from './kerasTensorArgs.json';
import { pandasAttribute, pandasMethod } from './pandas';
import { callOp, OP_FUNCTIONS } from '../ops/ops';
import { pySlice, sliceParts } from '../python/expressions';
import type { Interpreter } from '../python/interpreter';
import { callMath } from '../python/pymath';
import type { Scope } from '../python/scope';
import { asItems, asShape, knownArrayItems, knownArrayRow, NONE_V, shapeValue, UNKNOWN, type Value } from '../values';

type Kwargs = Array<[string, Value]>;
type ArrayValue = Value & { kind: 'array' };

/** NumPy arithmetic and comparisons: an array of the broadcast shape (unknown when it cannot be worked out). */
export function arrayBinary(a: Value, b: Value, op?: string): Value {
  const shapeOf = (v: Value): Shape | null | undefined =>
    v.kind === 'array' ? v.shape : v.kind === 'int' || v.kind === 'float' ? [] : undefined;
  const x = shapeOf(a);
  const y = shapeOf(b);
  if (!x || !y) return { kind: 'array', shape: null };
  try {
    const shape = broadcastShapes(x, y);
    // Labels shifted by a constant (`y - 1`) keep a known largest label.
    if (a.kind === 'array' && a.max !== undefined && b.kind === 'int' && (op === '+' || op === '-'))
      return { kind: 'array', shape, max: op === '+' ? a.max + b.value : a.max - b.value };
    return { kind: 'array', shape };
  } catch {
    return { kind: 'array', shape: null };
  }
}

/**
 * `array[...]` on an array (or a weight) of known shape: an array of the indexed shape; unknown for other
 * indices. An integer index into an array of known values reads the value (a NumPy integer) or the row.
 */
export function arrayGetItem(
  arr: ArrayValue,
  shape: Shape,
  subs: SyntaxNode[],
  scope: Scope,
  interp: Interpreter,
): Value {
  const known = arr.ints !== undefined && shape.length > 0 && subs.length === 1;
  if (known && subs[0].type !== 'slice') {
    const index = interp.eval(subs[0], scope);
    const n = shape[0] as number;
    if (index.kind === 'int' && index.value < n && index.value >= -n)
      return knownArrayRow(arr, index.value < 0 ? n + index.value : index.value)!;
  } else if (known) {
    // `a[1:]`: the rows sliced as Python slices a list, their values kept.
    const parts = sliceParts(interp, subs[0], scope);
    const rows = parts && parts[2] !== 0 ? pySlice(knownArrayItems(arr)!, parts) : undefined;
    if (rows && rows.length > 0) {
      const ints = rows.flatMap((r) => (r.kind === 'int' ? [r.value] : r.kind === 'array' ? (r.ints ?? []) : []));
      return { kind: 'array', shape: [rows.length, ...shape.slice(1)], ints, max: Math.max(...ints) };
    }
  }
  // `a[idx]` with an array of integers: NumPy's integer-array indexing takes the index's shape for the first axis.
  if (subs.length === 1 && subs[0].type !== 'slice' && subs[0].type !== 'tuple') {
    const index = interp.eval(subs[0], scope);
    if (index.kind === 'array' && (index.ints !== undefined || index.integer) && index.shape && shape.length > 0)
      return { kind: 'array', shape: [...index.shape, ...shape.slice(1)] };
  }
  const out = getItemShape(shape, { subs, scope, interp });
  if (!out || !out.every((d) => d !== undefined)) return UNKNOWN;
  // Part of an array of integers is integers too.
  return arr.ints !== undefined || arr.integer
    ? { kind: 'array', shape: out, integer: true }
    : { kind: 'array', shape: out };
}

export function arrayAttribute(api: KerasApi, arr: ArrayValue, attr: string, node: SyntaxNode): Value {
  const frame = arr.pandas && pandasAttribute(arr, attr);
  if (frame) return frame;
  if (attr === 'shape') return arr.shape ? shapeValue(arr.shape) : UNKNOWN;
  if (attr === 'ndim') return arr.shape ? { kind: 'int', value: arr.shape.length } : UNKNOWN;
  if (attr === 'T') return callOp(api, 'transpose', [arr], [], node);
  if (
    attr === 'reshape' ||
    attr === 'astype' ||
    attr === 'max' ||
    attr === 'flatten' ||
    attr === 'tolist' ||
    OP_FUNCTIONS.has(attr)
  )
    return { kind: 'method', self: arr, name: attr };
  return UNKNOWN;
}

/** `a.reshape(...)`, `a.astype(...)`, `a.max()`, and the methods that are `keras.ops` functions of the array (`a.sum(-1)`). */
export function arrayMethod(
  api: KerasApi,
  arr: ArrayValue,
  name: string,
  args: Value[],
  kwargs: Kwargs,
  node: SyntaxNode,
): Value {
  if (arr.pandas) return pandasMethod(arr, name, args, kwargs);
  if (name === 'reshape')
    return callOp(api, 'reshape', [arr, args.length === 1 ? args[0] : { kind: 'tuple', items: args }], [], node);
  // Values cast to a float dtype are no longer integers.
  if (name === 'astype')
    return isIntDtype(args[0] ?? kwargs.find(([k]) => k === 'dtype')?.[1]) ? arr : withoutValues(arr);
  if (name === 'tolist') return arr.ints ? pythonList(arr) : UNKNOWN;
  if (name === 'max' && args.length === 0 && arr.max !== undefined)
    return { kind: 'int', value: arr.max, numpy: 'int64' };
  const op = name === 'flatten' ? 'ravel' : name;
  if (!OP_FUNCTIONS.has(op)) return UNKNOWN;
  // `a.transpose(1, 0)` and `a.transpose((1, 0))` are the same.
  if (op === 'transpose' && args.length > 1)
    return callOp(api, op, [arr, { kind: 'tuple', items: args }], kwargs, node);
  return callOp(api, op, [arr, ...args], kwargs, node);
}

/** A call of `numpy.<fn>` (canonical name); undefined when it is not one modelled here. */
export function callNumpy(
  api: KerasApi,
  q: string,
  args: Value[],
  kwargs: Kwargs,
  node: SyntaxNode,
): Value | undefined {
  const a = args[0];
  if (refusesKerasTensor(api, q, a)) return api.interp.raise(errorOf('kerasTensorToNumpy', {}), node);
  if (/^numpy\.(max|amax)$/.test(q) && a?.kind === 'array' && a.max !== undefined && args.length === 1)
    return { kind: 'int', value: a.max, numpy: 'int64' };
  if (q === 'numpy.reshape' && a?.kind === 'array') return arrayMethod(api, a, 'reshape', args.slice(1), kwargs, node);
  if (/^numpy\.(array|asarray)$/.test(q) && a && (a.kind === 'list' || a.kind === 'tuple')) {
    const literal = literalIntArray(a, kwargs);
    if (literal) return literal;
    const stacked = kwargs.length === 0 ? stackedShape(a, 0) : undefined;
    if (stacked) return { kind: 'array', shape: stacked };
  }
  if (/^numpy\.(array|asarray|float32|int32)$/.test(q) && a?.kind === 'array') return a;
  // `np.int64(4)`: a NumPy integer, which `isinstance(x, int)` refuses.
  const numpyInt = /^numpy\.(u?int(?:8|16|32|64))$/.exec(q)?.[1] as NumpyInt | undefined;
  if (numpyInt && args.length === 1 && kwargs.length === 0) {
    if (a.kind === 'int' || a.kind === 'bool') return { kind: 'int', value: Number(a.value), numpy: numpyInt };
    if (a.kind === 'float' && Number.isFinite(a.value))
      return { kind: 'int', value: Math.trunc(a.value), numpy: numpyInt };
  }
  // `np.random.permutation(n)`: the integers below n in some order; of an array, its rows in some order.
  if (q === 'numpy.random.permutation' && args.length === 1 && kwargs.length === 0) {
    if (a.kind === 'int') return { kind: 'array', shape: [a.value], integer: true };
    if (a.kind === 'array') return withoutValues(a);
  }
  // `np.random.shuffle(a)` reorders `a` in place: its values are no longer known in order (the largest stays).
  if (q === 'numpy.random.shuffle' && a?.kind === 'array') {
    if (a.ints !== undefined) {
      delete a.ints;
      a.integer = true;
    }
    return NONE_V;
  }
  const maker = /^numpy\.(zeros|ones|empty|random\.[a-z_]+)$/.exec(q)?.[1];
  if (maker && (!maker.startsWith('random.') || maker in RANDOM_SIZE_AT)) return newArray(maker, args, kwargs);
  // NumPy's functions of the same names shape arrays the same way (no tensor: no op is recorded).
  const fn = /^numpy\.([a-z_0-9]+)$/.exec(q)?.[1];
  if (fn && OP_FUNCTIONS.has(fn) && !args.some((x) => x.kind === 'tensor'))
    return callMath(q, args) ?? callOp(api, fn, args, kwargs, node);
  return callMath(q, args);
}

const TENSOR_FIRST: ReadonlySet<string> = new Set(kerasTensorArgs.first);
const TENSOR_LIST: ReadonlySet<string> = new Set(kerasTensorArgs.list);

/**
 * A NumPy function that converts its first argument to an array, given a symbolic tensor there (or a list of
 * them, for `np.concatenate`): Keras's KerasTensor refuses to become an array. Only in the file's own graph
 * building: inside a traced `call` the tensors are the backend's, which refuse in words of their own.
 */
function refusesKerasTensor(api: KerasApi, q: string, a: Value | undefined): boolean {
  if (api.tracing > 0 || !a || !q.startsWith('numpy.')) return false;
  const fn = q.slice('numpy.'.length);
  if (a.kind === 'tensor') return isKerasTensor(a.tensor) && TENSOR_FIRST.has(fn);
  const items = a.kind === 'list' || a.kind === 'tuple' ? asItems(a) : undefined;
  return (
    !!items &&
    items.length > 0 &&
    items.every((x) => x.kind === 'tensor' && isKerasTensor(x.tensor)) &&
    TENSOR_LIST.has(fn)
  );
}

/** `np.zeros(shape)`, `np.random.rand(d0, d1)`, `np.random.normal(size=...)`, ...: an array of that shape. */
function newArray(fn: string, args: Value[], kwargs: Kwargs): Value {
  const kw = new Map(kwargs);
  if (fn === 'random.rand' || fn === 'random.randn')
    return {
      kind: 'array',
      shape: args.every((a) => a.kind === 'int') ? args.map((a) => (a as { value: number }).value) : null,
    };
  if (fn === 'random.randint') return randint(args, kw);
  if (fn === 'random.multivariate_normal') return multivariateNormal(args, kw);
  const shapeArg = fn.startsWith('random.')
    ? (kw.get('size') ?? args[RANDOM_SIZE_AT[fn]])
    : (args[0] ?? kw.get('shape'));
  return { kind: 'array', shape: shapeArg ? asShape(shapeArg) : null };
}

/**
 * NumPy's random samplers that take `size`, and its place among their
 * parameters: `size` is the shape drawn (without it, a scalar, or the
 * parameters' broadcast shape: not followed).
 */
const RANDOM_SIZE_AT: Record<string, number> = {
  // `rand`, `randn` (dimensions as arguments) and `randint` are read by rules of their own.
  'random.rand': -1,
  'random.randn': -1,
  'random.randint': -1,
  'random.random': 0,
  'random.random_sample': 0,
  'random.sample': 0,
  'random.standard_normal': 0,
  'random.normal': 2,
  'random.uniform': 2,
  'random.binomial': 2,
  'random.beta': 2,
  'random.gamma': 2,
  'random.poisson': 1,
  'random.exponential': 1,
  'random.choice': 1,
  'random.multivariate_normal': 2,
};

/** `np.random.multivariate_normal(mean, cov, size)`: `size` draws of a vector as long as `mean`. */
function multivariateNormal(args: Value[], kw: Map<string, Value>): Value {
  const mean = kw.get('mean') ?? args[0];
  const size = kw.get('size') ?? args[2];
  const items = mean && asItems(mean);
  const length: Dim = mean?.kind === 'array' && mean.shape?.length === 1 ? mean.shape[0] : items ? items.length : '?';
  const drawn = size === undefined || size.kind === 'none' ? [] : asShape(size);
  return { kind: 'array', shape: drawn ? [...drawn, length] : null };
}

/**
 * `np.random.randint(low, high, size)`: integers in `[low, high)`. Its largest
 * value is taken as `high - 1` only when so many are drawn that missing it is
 * less likely than one in ten thousand; otherwise it stays unknown.
 */
function randint(args: Value[], kw: Map<string, Value>): Value {
  const low = args[0] ?? kw.get('low');
  const high = args[1] ?? kw.get('high');
  const size = args[2] ?? kw.get('size');
  const shape = size ? asShape(size) : null;
  if (!size) return UNKNOWN;
  const top = high && high.kind === 'int' ? high.value - 1 : !high && low?.kind === 'int' ? low.value - 1 : undefined;
  const bottom = high && low?.kind === 'int' ? low.value : 0;
  const count = shape && shape.every((d) => typeof d === 'number') ? (shape as number[]).reduce((p, d) => p * d, 1) : 0;
  const k = top === undefined ? 0 : top - bottom + 1;
  const surelyDrawn = k >= 1 && count > 0 && count * Math.log1p(-1 / Math.max(k, 1.0000001)) < Math.log(1e-4);
  return surelyDrawn || k === 1 ? { kind: 'array', shape, max: top } : { kind: 'array', shape };
}

/**
 * `np.array(rows)` of a list (or tuple) whose items are Python numbers or arrays (or lists of them) of one
 * known shape, as a loop that appends windows of a series makes: the list's length, then that shape.
 * Undefined when the items are of other kinds or of several shapes (NumPy refuses ragged lists).
 */
function stackedShape(v: Value, depth: number): number[] | undefined {
  const items = asItems(v);
  if (!items || items.length === 0 || depth > 32) return undefined;
  let inner: number[] | undefined;
  for (const item of items) {
    let s: number[] | undefined;
    if (item.kind === 'int' || item.kind === 'float' || item.kind === 'bool') s = [];
    else if (
      item.kind === 'array' &&
      !item.pandas &&
      item.dtype === undefined &&
      item.shape?.every((d) => typeof d === 'number')
    )
      s = item.shape as number[];
    else if (item.kind === 'list' || item.kind === 'tuple') s = stackedShape(item, depth + 1);
    if (!s || (inner && (inner.length !== s.length || inner.some((d, i) => d !== s[i])))) return undefined;
    inner = s;
  }
  return [items.length, ...inner!];
}

/** At most this many values are kept for an array the source writes out. */
const MAX_KNOWN_VALUES = 4096;

/**
 * `np.array([[1, 2], [3, 4]])`: an integer array whose values are all known, when the list is rectangular,
 * holds Python integers only and no `dtype` other than an integer one is asked; undefined otherwise (the
 * shape is then worked out as for any array).
 */
function literalIntArray(list: Value, kwargs: Kwargs): ArrayValue | undefined {
  const dtype = kwargs.find(([k]) => k === 'dtype')?.[1];
  if (dtype && !isIntDtype(dtype)) return undefined;
  if (kwargs.some(([k]) => k !== 'dtype')) return undefined;
  const ints: number[] = [];
  const shape: number[] = [];
  const walk = (v: Value, depth: number): boolean => {
    const items = asItems(v);
    if (!items) {
      if (v.kind !== 'int' || depth !== shape.length) return false;
      ints.push(v.value);
      return ints.length <= MAX_KNOWN_VALUES;
    }
    if (depth === shape.length) {
      if (ints.length > 0) return false;
      shape.push(items.length);
    } else if (shape[depth] !== items.length) return false;
    return items.every((x) => walk(x, depth + 1));
  };
  if (!walk(list, 0) || ints.length === 0) return undefined;
  return { kind: 'array', shape, ints, max: Math.max(...ints) };
}

/** `a.tolist()` of an array of known values: nested Python lists of Python integers. */
function pythonList(arr: ArrayValue): Value {
  const items = knownArrayItems(arr) ?? [];
  return {
    kind: 'list',
    items: items.map((x) => (x.kind === 'int' ? { kind: 'int', value: x.value } : pythonList(x as ArrayValue))),
  };
}

/** `'int32'`, `np.int64`, `int`: a dtype of integers. */
function isIntDtype(v: Value | undefined): boolean {
  if (v?.kind === 'str') return /^u?int(8|16|32|64)?$/.test(v.value);
  if (v?.kind === 'ref') return /^(numpy\.u?int(8|16|32|64)?|builtins\.int|int)$/.test(v.qualname);
  return false;
}

function withoutValues(arr: ArrayValue): ArrayValue {
  const { ints: _values, ...rest } = arr;
  return rest;
}
