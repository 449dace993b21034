/**
 * `keras.ops` calls and Python operators on symbolic tensors. In a
 * functional graph each is an operation with a summary row of its own
 * (`x * 2` is a `Multiply` row, `x[:, 0]` a `GetItem` row), so each call
 * records a graph node with its output shape.
 */

import { CannotTell, checkedError, KerasError } from '../../shapes/errors';
import type { Shape } from '../../shapes/shape';
import type { PyNode as SyntaxNode } from '../../syntax/ast';
import { emitNode } from '../graph';
import type { KerasApi } from '../keras/api';
import { asInt, asItems, spanOf, UNKNOWN, type TensorObj, type Value } from '../values';
import { literalShape, OpArgs, shapeOfValue, type OpResult, type OpRule } from './args';
import { ARRAY_RULES } from './array';
import type { GetItemContext } from './getItem';
import { MATH_RULES } from './math';
import { inlineOpShape } from './shapes';
import { BINARY, ELEMENTWISE, REDUCE } from './tables';

/** Ops with a rule of their own (beyond the three kinds of tables.ts and those of shapes.ts). */
const RULES: Record<string, OpRule> = { ...ARRAY_RULES, ...MATH_RULES };

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
    const given = [arg(0, 'start'), arg(1, 'stop'), arg(2, 'step')];
    // A bound that is a dynamic size (`ops.shape(x)[-1]` inside a traced call is `None`): as long as that size.
    if (given.some((v) => v?.kind === 'none')) return { kind: 'array', shape: [null] };
    if (given.some((v) => v !== undefined && asInt(v) === undefined)) return { kind: 'array', shape: ['?'] };
    const [start, stop, step] = given.map((v) => (v ? asInt(v) : undefined));
    const [lo, hi] = stop === undefined ? [0, start] : [start ?? 0, stop];
    const st = step ?? 1;
    if (hi === undefined || st === 0) return { kind: 'array', shape: ['?'] };
    const n = Math.max(0, Math.ceil((hi - lo) / st));
    // Its values, when few enough to keep (iterating over `np.arange(...)` reads them).
    if (n === 0 || n > MAX_ARANGE_VALUES) return { kind: 'array', shape: [n] };
    const ints = Array.from({ length: n }, (_, i) => lo + i * st);
    return { kind: 'array', shape: [n], ints, max: Math.max(...ints) };
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
  let made: { cls: string; out: Shape | null } | undefined;
  try {
    made = inlineOpShape(name, args, kw, api.tracing > 0, getItem);
  } catch (e) {
    if (e instanceof KerasError) return api.interp.raise(checkedError(e), node);
    throw e;
  }
  return made ? recordOp(api, made.cls, tensorsIn, [made.out], undefined, node) : UNKNOWN;
}

/** At most this many values of `arange` are kept. */
const MAX_ARANGE_VALUES = 4096;

/** An op with a rule of its own (array.ts, math.ts): unknown arguments give unknown shapes, never a guess. */
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
    if (e instanceof KerasError) return api.interp.raise(checkedError(e), node);
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
  const value = api.nameTensors(emitNode(op, tensorsIn, outs, !seq));
  return seq === 'tuple' && value.kind === 'list' ? { kind: 'tuple', items: value.items } : value;
}
