/**
 * `keras.ops` calls and Python operators on symbolic tensors. In a
 * functional graph each is an operation with a summary row of its own
 * (`x * 2` is a `Multiply` row, `x[:, 0]` a `GetItem` row), so each call
 * records a graph node with its output shape.
 */

import { broadcastShapes, canonicalizeAxis } from '../shapes/arith';
import { CannotTell, KerasError } from '../shapes/errors';
import { dimProduct, formatShape, type Dim, type Shape } from '../shapes/shape';
import type { PyNode as SyntaxNode } from '../syntax/ast';
import type { Interpreter } from './python/interpreter';
import type { KerasApi } from './kerasApi';
import type { Scope } from './python/scope';
import { asInt, asItems, spanOf, UNKNOWN, type TensorObj, type Value } from './values';
import { sliceParts } from './python/expressions';
import { literalShape, OpArgs, shapeOfValue, type OpResult, type OpRule } from './opsArgs';
import { ARRAY_RULES } from './opsArray';
import { MATH_RULES } from './opsMath';
import { BINARY, ELEMENTWISE, REDUCE } from './opsTables';

/** Ops with a rule of their own (beyond the three kinds of opsTables.ts). */
const RULES: Record<string, OpRule> = { ...ARRAY_RULES, ...MATH_RULES };

/** `keras.activations.X(tensor)`: the operation Keras records (relu and mish are their own classes; linear returns its input). */
const ACTIVATIONS: Record<string, string> = {
  relu: 'ReLU',
  mish: 'Mish',
  sigmoid: 'Sigmoid',
  tanh: 'Tanh',
  softmax: 'Softmax',
  gelu: 'Gelu',
  silu: 'Silu',
  swish: 'Silu',
  elu: 'Elu',
  softplus: 'Softplus',
  softsign: 'Softsign',
  selu: 'Selu',
  exponential: 'Exp',
  leaky_relu: 'LeakyRelu',
  relu6: 'Relu6',
  hard_sigmoid: 'HardSigmoid',
  log_softmax: 'LogSoftmax',
};

/** An activation function applied to a value: a recorded op on tensors; undefined when not one of Keras's. */
export function callActivation(api: KerasApi, name: string, args: Value[], node: SyntaxNode): Value | undefined {
  const x = args[0];
  if (name === 'linear') return x ?? UNKNOWN;
  const cls = ACTIVATIONS[name];
  if (!cls || !x) return undefined;
  if (x.kind !== 'tensor') return x.kind === 'array' ? x : UNKNOWN;
  const op = api.makeOp(cls, spanOf(node));
  op.outputShapes = x.tensor.shape ? [x.tensor.shape] : null;
  op.callSpans.push({
    seq: api.nextSeq(),
    span: op.span,
    outputs: op.outputShapes,
    single: true,
    inputs: [x.tensor.shape ?? []],
  });
  return api.emitNode(op, [x.tensor], [x.tensor.shape], true);
}

export const OP_FUNCTIONS = new Set([
  ...Object.keys(BINARY),
  ...Object.keys(REDUCE),
  ...Object.keys(ELEMENTWISE),
  'matmul',
  'reshape',
  'concatenate',
  'expand_dims',
  'squeeze',
  'transpose',
  'stack',
  'get_item',
  'shape',
  'arange',
  'zeros',
  'ones',
  'full',
  'convert_to_tensor',
  'tile',
  'extract_patches',
  'resize',
  ...Object.keys(RULES),
]);

/** The op class Keras records for a Python operator on tensors. */
export function opClassForOperator(op: string): string | undefined {
  return {
    '+': 'Add',
    '-': 'Subtract',
    '*': 'Multiply',
    '/': 'TrueDivide',
    '//': 'FloorDivide',
    '**': 'Power',
    '%': 'Mod',
    '@': 'Matmul',
    // KerasTensor defines these comparisons and bitwise operators as ops; `==` is Python's identity test (no op).
    '<': 'Less',
    '<=': 'LessEqual',
    '>': 'Greater',
    '>=': 'GreaterEqual',
    '!=': 'NotEqual',
    '&': 'LogicalAnd',
    '|': 'LogicalOr',
    '^': 'LogicalXor',
  }[op];
}

interface GetItemContext {
  subs: SyntaxNode[];
  scope: Scope;
  interp: Interpreter;
}

const shapeOf = shapeOfValue;

export function callOp(
  api: KerasApi,
  name: string,
  args: Value[],
  kwargs: Array<[string, Value]>,
  node: SyntaxNode,
  getItem?: GetItemContext,
): Value {
  const kw = new Map(kwargs);
  const arg = (i: number, key: string): Value | undefined => args[i] ?? kw.get(key);
  const tensorsIn: TensorObj[] = [];
  const collect = (v: Value | undefined) => {
    if (!v) return;
    if (v.kind === 'tensor') tensorsIn.push(v.tensor);
    for (const x of asItems(v) ?? []) collect(x);
  };
  args.forEach(collect);
  kwargs.forEach(([, v]) => collect(v));
  if (name === 'shape') {
    const x = shapeOf(arg(0, 'x') ?? UNKNOWN);
    return x
      ? {
          kind: 'tuple',
          items: x.map((d) => (d === null ? { kind: 'none' } : d === '?' ? UNKNOWN : { kind: 'int', value: d })),
        }
      : UNKNOWN;
  }
  if (name === 'arange') {
    const [start, stop, step] = [arg(0, 'start'), arg(1, 'stop'), arg(2, 'step')].map((v) =>
      v ? asInt(v) : undefined,
    );
    const [lo, hi] = stop === undefined ? [0, start] : [start ?? 0, stop];
    const st = step ?? 1;
    return hi === undefined || st === 0
      ? { kind: 'array', shape: ['?'] }
      : { kind: 'array', shape: [Math.max(0, Math.ceil((hi - lo) / st))] };
  }
  if (name === 'zeros' || name === 'ones' || name === 'full') {
    const shape = arg(0, 'shape');
    const dims = shape
      ? shape.kind === 'int'
        ? [shape.value]
        : asItems(shape)?.map((d) => (d.kind === 'int' ? d.value : d.kind === 'none' ? null : '?'))
      : undefined;
    return { kind: 'array', shape: dims ?? null };
  }
  if (name === 'convert_to_tensor') {
    const x = arg(0, 'x');
    if (x?.kind === 'tensor' || x?.kind === 'array') return x;
    const shape = x ? literalShape(x) : undefined;
    return shape ? { kind: 'array', shape } : UNKNOWN;
  }
  if (Object.hasOwn(RULES, name)) return callRule(api, RULES[name], args, kw, tensorsIn, node);
  let className: string;
  let out: Shape | null = null;
  try {
    if (Object.hasOwn(BINARY, name) || name === 'matmul') {
      className = name === 'matmul' ? 'Matmul' : BINARY[name];
      const a = shapeOf(arg(0, 'x1') ?? UNKNOWN);
      const b = shapeOf(arg(1, 'x2') ?? UNKNOWN);
      if (a && b) out = name === 'matmul' ? matmulShape(a, b) : broadcastShapes(a, b);
    } else if (Object.hasOwn(ELEMENTWISE, name)) {
      className = ELEMENTWISE[name];
      out = shapeOf(arg(0, 'x') ?? UNKNOWN) ?? null;
    } else if (Object.hasOwn(REDUCE, name)) {
      className = REDUCE[name];
      const x = shapeOf(arg(0, 'x') ?? UNKNOWN);
      const axis = arg(1, 'axis') ?? { kind: 'none' };
      const keep = kw.get('keepdims') ?? args[2];
      if (x) out = reduceShape(x, axis, keep?.kind === 'bool' && keep.value);
    } else if (name === 'reshape') {
      className = 'Reshape';
      const x = shapeOf(arg(0, 'x') ?? UNKNOWN);
      const target = arg(1, 'newshape') ?? kw.get('new_shape');
      if (x && target) out = reshapeShape(x, target, api.tracing > 0);
    } else if (name === 'concatenate') {
      className = 'Concatenate';
      const xs = asItems(arg(0, 'xs') ?? UNKNOWN)?.map(shapeOf);
      const axis = asInt(arg(1, 'axis') ?? { kind: 'int', value: 0 });
      if (xs && xs.every((s) => s) && axis !== undefined) out = concatShape(xs as Shape[], axis);
    } else if (name === 'stack') {
      className = 'Stack';
      const xs = asItems(arg(0, 'x') ?? UNKNOWN)?.map(shapeOf);
      const axis = asInt(arg(1, 'axis') ?? { kind: 'int', value: 0 });
      if (xs && xs.length > 0 && xs.every((s) => s) && axis !== undefined) {
        const s = xs[0]!;
        const at = canonicalizeAxis(axis, s.length + 1);
        out = [...s.slice(0, at), xs.length, ...s.slice(at)];
      }
    } else if (name === 'expand_dims') {
      className = 'ExpandDims';
      const x = shapeOf(arg(0, 'x') ?? UNKNOWN);
      const axis = asInt(arg(1, 'axis') ?? UNKNOWN);
      if (x && axis !== undefined) {
        const at = canonicalizeAxis(axis, x.length + 1);
        out = [...x.slice(0, at), 1, ...x.slice(at)];
      }
    } else if (name === 'squeeze') {
      className = 'Squeeze';
      const x = shapeOf(arg(0, 'x') ?? UNKNOWN);
      const axis = arg(1, 'axis') ?? { kind: 'none' };
      if (x) {
        if (axis.kind === 'none') out = x.filter((d) => d !== 1);
        else {
          const axes = (asItems(axis) ?? [axis]).map(asInt);
          if (axes.every((a) => a !== undefined)) {
            const drop = new Set(axes.map((a) => canonicalizeAxis(a!, x.length)));
            out = x.filter((_, i) => !drop.has(i));
          }
        }
      }
    } else if (name === 'transpose') {
      className = 'Transpose';
      const x = shapeOf(arg(0, 'x') ?? UNKNOWN);
      const axes = arg(1, 'axes');
      if (x) {
        if (!axes || axes.kind === 'none') out = [...x].reverse();
        else {
          const perm = asItems(axes)?.map(asInt);
          if (perm && perm.every((a) => a !== undefined)) out = perm.map((a) => x[canonicalizeAxis(a!, x.length)]);
        }
      }
    } else if (name === 'tile') {
      className = 'Tile';
      const x = shapeOf(arg(0, 'x') ?? UNKNOWN);
      const reps = asItems(arg(1, 'repeats') ?? UNKNOWN)?.map(asInt);
      if (x && reps && reps.every((r) => r !== undefined)) {
        const r = reps as number[];
        const xs: Dim[] = r.length > x.length ? [...new Array<Dim>(r.length - x.length).fill(1), ...x] : x;
        const rr = xs.length > r.length ? [...new Array<number>(xs.length - r.length).fill(1), ...r] : r;
        out = xs.map((d, i) => (typeof d === 'number' ? d * rr[i] : rr[i] === 1 ? d : d === null ? null : '?'));
      }
    } else if (name === 'extract_patches' || name === 'resize') {
      // keras.ops.image, channels last: (batch,) rows, cols, channels.
      className = name === 'resize' ? 'Resize' : 'ExtractPatches';
      const x = shapeOf(arg(0, 'images') ?? UNKNOWN);
      const size = arg(1, 'size') ?? UNKNOWN;
      const [h, w] = size.kind === 'int' ? [size.value, size.value] : (asItems(size)?.map(asInt) ?? []);
      const fmt = kw.get('data_format');
      if (
        x &&
        (x.length === 3 || x.length === 4) &&
        h !== undefined &&
        w !== undefined &&
        (!fmt || (fmt.kind === 'str' && fmt.value === 'channels_last'))
      ) {
        const lead = x.slice(0, x.length - 3);
        const c = x[x.length - 1];
        if (name === 'resize') out = [...lead, h, w, c];
        else {
          const st = arg(2, 'strides') ?? { kind: 'none' };
          const [sh, sw] =
            st.kind === 'none' ? [h, w] : st.kind === 'int' ? [st.value, st.value] : (asItems(st)?.map(asInt) ?? []);
          const pad = kw.get('padding') ?? args[4];
          const rate = kw.get('dilation_rate') ?? args[3];
          const same = pad?.kind === 'str' && pad.value === 'same';
          if (
            sh !== undefined &&
            sw !== undefined &&
            (!rate || asInt(rate) === 1) &&
            (!pad || (pad.kind === 'str' && (same || pad.value === 'valid')))
          ) {
            const len = (d: Dim, k: number, s: number): Dim =>
              typeof d !== 'number' ? d : same ? Math.ceil(d / s) : Math.floor((d - k) / s) + 1;
            out = [
              ...lead,
              len(x[x.length - 3], h, sh),
              len(x[x.length - 2], w, sw),
              typeof c === 'number' ? c * h * w : c,
            ];
          }
        }
      }
    } else if (name === 'get_item' && getItem) {
      className = 'GetItem';
      const x = shapeOf(args[0]);
      if (x) out = getItemShape(x, getItem) ?? null;
    } else {
      return UNKNOWN;
    }
  } catch (e) {
    if (e instanceof KerasError) return api.interp.raise(e.pyType, e.message, node);
    throw e;
  }
  return recordOp(api, className, tensorsIn, [out], undefined, node);
}

/** An op with a rule of its own (opsArray.ts, opsMath.ts): unknown arguments give unknown shapes, never a guess. */
function callRule(
  api: KerasApi,
  rule: OpRule,
  args: Value[],
  kw: Map<string, Value>,
  tensorsIn: TensorObj[],
  node: SyntaxNode,
): Value {
  let result: OpResult | null = null;
  try {
    result = rule.shape(new OpArgs(args, kw));
  } catch (e) {
    if (e instanceof KerasError) return api.interp.raise(e.pyType, e.message, node);
    if (!(e instanceof CannotTell)) throw e;
  }
  if (result === null) return rule.multi ? UNKNOWN : recordOp(api, rule.cls, tensorsIn, [null], undefined, node);
  if (Array.isArray(result)) return recordOp(api, rule.cls, tensorsIn, [result], undefined, node);
  return recordOp(api, rule.cls, tensorsIn, result.outs, result.seq, node);
}

/**
 * The value of an op: with no symbolic tensor among its arguments it is eager
 * (arrays, not a graph operation); else a graph node whose row is `className`.
 * `seq` says the op returns several tensors, as a list or a tuple.
 */
function recordOp(
  api: KerasApi,
  className: string,
  tensorsIn: TensorObj[],
  outs: Array<Shape | null>,
  seq: 'list' | 'tuple' | undefined,
  node: SyntaxNode,
): Value {
  if (tensorsIn.length === 0) {
    const arrays: Value[] = outs.map((shape) => (shape ? { kind: 'array', shape } : UNKNOWN));
    return seq ? { kind: seq, items: arrays } : arrays[0];
  }
  const op = api.makeOp(className, spanOf(node));
  const known = outs.every((s) => s !== null);
  op.outputShapes = known ? (outs as Shape[]) : null;
  op.single = !seq;
  op.callSpans.push({
    seq: api.nextSeq(),
    span: op.span,
    outputs: op.outputShapes,
    single: !seq,
    inputs: tensorsIn.map((t) => t.shape ?? []),
  });
  const value = api.emitNode(op, tensorsIn, outs, !seq);
  return seq === 'tuple' && value.kind === 'list' ? { kind: 'tuple', items: value.items } : value;
}

/** `ops.matmul`'s output (`compute_matmul_output_shape`): a 1-D side is promoted, the inner axes must agree. */
function matmulShape(a: Shape, b: Shape): Shape | null {
  if (a.length === 0 || b.length === 0) return null;
  const x1 = a.length === 1 ? [1, a[0]] : a;
  const x2 = b.length === 1 ? [b[0], 1] : b;
  const inner1 = x1[x1.length - 1];
  const inner2 = x2[x2.length - 2];
  if (typeof inner1 === 'number' && typeof inner2 === 'number' && inner1 !== inner2) {
    throw new KerasError(
      `Inner dimensions (\`x1.shape[-1]\` and \`x2.shape[-2]\`) must be equal, but received \`x1.shape=${formatShape(x1)}\` and \`x2.shape=${formatShape(x2)}\`.`,
    );
  }
  const out: Dim[] = [...broadcastShapes(x1.slice(0, -2), x2.slice(0, -2)), x1[x1.length - 2], x2[x2.length - 1]];
  if (a.length === 1) out.splice(out.length - 2, 1);
  if (b.length === 1) out.splice(out.length - 1, 1);
  return out;
}

function reduceShape(x: Shape, axis: Value, keepdims: boolean): Shape | null {
  if (axis.kind === 'none') return keepdims ? x.map(() => 1) : [];
  const axes = (asItems(axis) ?? [axis]).map(asInt);
  if (axes.some((a) => a === undefined)) return null;
  const set = new Set(axes.map((a) => canonicalizeAxis(a!, x.length)));
  return keepdims ? x.map((d, i) => (set.has(i) ? 1 : d)) : x.filter((_, i) => !set.has(i));
}

function reshapeShape(x: Shape, target: Value, traced: boolean): Shape | null {
  const items = asItems(target) ?? (target.kind === 'int' ? [target] : undefined);
  if (!items) return null;
  const dims: Dim[] = items.map((v) => (v.kind === 'int' ? v.value : v.kind === 'none' ? null : '?'));
  const minus = dims.findIndex((d) => d === -1);
  // Traced with a concrete batch size, `reshape(x, (batch, -1, n))` (batch read from the shape) cancels it out.
  if (
    traced &&
    minus >= 0 &&
    x[0] === null &&
    dims[0] === null &&
    x.slice(1).every((d) => typeof d === 'number') &&
    dims.every((d, i) => i === 0 || typeof d === 'number')
  ) {
    const known = dimProduct(dims.filter((_, i) => i !== minus && i !== 0));
    const total = dimProduct(x.slice(1));
    if (typeof known === 'number' && typeof total === 'number' && known !== 0 && total % known === 0) {
      const out = [...dims];
      out[minus] = total / known;
      return out;
    }
  }
  if (minus >= 0) {
    const known = dimProduct(dims.filter((_, i) => i !== minus));
    const total = dimProduct(x);
    dims[minus] =
      typeof known === 'number' && typeof total === 'number' && known !== 0
        ? total / known
        : total === null
          ? null
          : '?';
  }
  return dims;
}

function concatShape(xs: Shape[], axis: number): Shape | null {
  const rank = xs[0].length;
  const at = canonicalizeAxis(axis, rank);
  const out = [...xs[0]];
  // Every other axis must agree where both are known (`shape_equal(..., allow_none=True)`).
  for (const s of xs) {
    const differs =
      s.length !== rank ||
      s.some((d, i) => i !== at && typeof d === 'number' && typeof xs[0][i] === 'number' && d !== xs[0][i]);
    if (differs) {
      throw new KerasError(
        `Every value in \`xs\` must have the same shape except on the \`axis\` dim. But found element of shape ${formatShape(s)}, which is different from the first element's shape ${formatShape(xs[0])}.`,
      );
    }
  }
  for (const s of xs.slice(1)) {
    const a = out[at];
    const b = s[at];
    out[at] = a === null || b === null ? null : typeof a === 'number' && typeof b === 'number' ? a + b : '?';
  }
  return out;
}

/** `array[...]` on a NumPy array or a weight: an array of the indexed shape; unknown for other indices. */
export function arrayGetItem(shape: Shape, subs: SyntaxNode[], scope: Scope, interp: Interpreter): Value {
  const out = getItemShape(shape, { subs, scope, interp });
  return out && out.every((d) => d !== undefined) ? { kind: 'array', shape: out } : UNKNOWN;
}

/** The shape of `x[...]` for ints, slices, `None` (new axis) and `...`. */
function getItemShape(x: Shape, ctx: GetItemContext): Shape | undefined {
  const subs =
    ctx.subs.length === 1 && ctx.subs[0].type === 'tuple'
      ? ctx.subs[0].namedChildren.filter((c): c is SyntaxNode => !!c)
      : ctx.subs;
  const out: Dim[] = [];
  let axis = 0;
  const consumed = subs.filter((s) => s.type !== 'none' && s.type !== 'ellipsis').length;
  for (const s of subs) {
    if (s.type === 'ellipsis') {
      const skip = x.length - consumed;
      for (let k = 0; k < skip; k++) out.push(x[axis++]);
    } else if (s.type === 'none') {
      out.push(1);
    } else if (s.type === 'slice') {
      const parts = sliceParts(ctx.interp, s, ctx.scope);
      const d = x[axis++];
      if (!parts) out.push(typeof d === 'number' ? '?' : d);
      else
        out.push(
          typeof d === 'number'
            ? sliceLength(d, parts)
            : parts.every((p) => p === null)
              ? d
              : parts[0] !== null && parts[1] !== null && parts[0] >= 0 && parts[1] >= 0
                ? sliceLength(parts[1], parts)
                : d === null
                  ? null
                  : '?',
        );
    } else {
      const v = ctx.interp.eval(s, ctx.scope);
      if (v.kind !== 'int') return undefined;
      axis++;
    }
  }
  while (axis < x.length) out.push(x[axis++]);
  return out;
}

function sliceLength(n: number, [start, stop, step]: Array<number | null>): number {
  const s = step ?? 1;
  const norm = (i: number | null, d: number) => (i === null ? d : i < 0 ? Math.max(0, i + n) : Math.min(i, n));
  if (s > 0) return Math.max(0, Math.ceil((norm(stop, n) - norm(start, 0)) / s));
  const lo = stop === null ? -1 : norm(stop, -1);
  const hi = start === null ? n - 1 : Math.min(norm(start, n - 1), n - 1);
  return Math.max(0, Math.ceil((hi - lo) / -s));
}
