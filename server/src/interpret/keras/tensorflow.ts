/**
 * TensorFlow's own functions (`tf.expand_dims`, `tf.concat`, `tf.math.not_equal`, ...) on Keras's symbolic
 * tensors: a KerasTensor refuses to become a TensorFlow tensor (`KerasTensor.__tf_tensor__`), so a function
 * that converts its argument raises Keras's ValueError. Which functions convert a tensor given first, or a
 * list of tensors given first, is recorded (`tfKerasTensorArgs.json`, by `test/truth/tf-keras-tensors/`).
 * Only in the file's own graph building: inside a traced `call` the tensors are TensorFlow's, and there the
 * functions that shape tensors as a `keras.ops` function does (same arguments, some renamed) are that
 * function. `tf.shape(x)` there is the sizes the graph knows: a static size is its number (TensorFlow folds
 * it), a dynamic one (`None`) a scalar tensor; `tf.range` is `keras.ops.arange`, as long as a dynamic bound's
 * size (`None`). Anything else a TensorFlow function does is not modelled (unknown).
 */

import { errorOf } from '../../shapes/errors';
import { isKerasTensor } from '../graph';
import type { PyNode as SyntaxNode } from '../../syntax/ast';
import { callOp } from '../ops/ops';
import { asItems, newTensor, UNKNOWN, type Value } from '../values';
import type { KerasApi } from './api';
import recorded from './tfKerasTensorArgs.json';

const TENSOR_FIRST: ReadonlySet<string> = new Set(recorded.first);
const TENSOR_LIST: ReadonlySet<string> = new Set(recorded.list);

/** `keras.ops` twins of TensorFlow functions: the op, and the keywords it takes (TensorFlow's name → Keras's). */
type Twin = [op: string, keywords: Record<string, string>];
const UNARY: Twin[1] = {};
const TWINS: Record<string, Twin> = {
  ...Object.fromEntries(
    ['abs', 'exp', 'sqrt', 'square', 'tanh', 'sigmoid', 'negative', 'floor', 'ceil', 'sign']
      .flatMap((n) => [n, `math.${n}`])
      .map((p) => [p, [p.replace('math.', ''), UNARY]]),
  ),
  'math.log': ['log', UNARY],
  'nn.relu': ['relu', UNARY],
  'nn.sigmoid': ['sigmoid', UNARY],
  'nn.tanh': ['tanh', UNARY],
  'nn.gelu': ['gelu', UNARY],
  ...Object.fromEntries(
    ['add', 'subtract', 'multiply', 'maximum', 'minimum']
      .flatMap((n) => [n, `math.${n}`])
      .map((p) => [p, [p.replace('math.', ''), UNARY]]),
  ),
  ...Object.fromEntries(
    (['sum', 'mean', 'max', 'min'] as const).flatMap((n) => [
      [`reduce_${n}`, [n, { axis: 'axis', keepdims: 'keepdims' }]],
      [`math.reduce_${n}`, [n, { axis: 'axis', keepdims: 'keepdims' }]],
    ]),
  ),
  expand_dims: ['expand_dims', { axis: 'axis' }],
  reshape: ['reshape', {}],
  concat: ['concatenate', { axis: 'axis' }],
  stack: ['stack', { axis: 'axis' }],
  matmul: ['matmul', {}],
  'linalg.matmul': ['matmul', {}],
  cast: ['cast', { dtype: 'dtype' }],
  'nn.softmax': ['softmax', { axis: 'axis' }],
  'math.softmax': ['softmax', { axis: 'axis' }],
  transpose: ['transpose', { perm: 'axes' }],
  squeeze: ['squeeze', { axis: 'axis' }],
};

/** A call of `tensorflow.PATH` (canonical name): Keras's error where it refuses its argument, else undefined. */
export function callTensorflow(
  api: KerasApi,
  q: string,
  args: Value[],
  kwargs: Array<[string, Value]>,
  node: SyntaxNode,
): Value | undefined {
  if (!q.startsWith('tensorflow.')) return undefined;
  const path = q.slice('tensorflow.'.length);
  if (api.tracing > 0) return tracedTwin(api, path, args, kwargs, node);
  const a = args[0];
  if (!a) return undefined;
  const items = a.kind === 'list' || a.kind === 'tuple' ? asItems(a) : undefined;
  const refuses =
    a.kind === 'tensor'
      ? isKerasTensor(a.tensor) && TENSOR_FIRST.has(path)
      : !!items &&
        items.length > 0 &&
        items.every((x) => x.kind === 'tensor' && isKerasTensor(x.tensor)) &&
        TENSOR_LIST.has(path);
  return refuses ? api.interp.raise(errorOf('kerasTensorToTensorflow', {}), node) : undefined;
}

/** Inside a traced call: the `keras.ops` twin's answer on tensors; unknown for a keyword it does not take. */
function tracedTwin(
  api: KerasApi,
  path: string,
  args: Value[],
  kwargs: Array<[string, Value]>,
  node: SyntaxNode,
): Value {
  if (path === 'shape') return tracedShape(args[0]);
  if (path === 'range') return tracedRange(api, args, kwargs, node);
  const twin = TWINS[path];
  const onTensors = args.some((x) => x.kind === 'tensor' || (asItems(x) ?? []).some((i) => i.kind === 'tensor'));
  if (!twin || !onTensors) return UNKNOWN;
  const [op, keywords] = twin;
  const renamed: Array<[string, Value]> = [];
  for (const [k, v] of kwargs) {
    if (k === 'name') continue;
    const to = keywords[k];
    if (!to) return UNKNOWN;
    renamed.push([to, v]);
  }
  return callOp(api, op, args, renamed, node);
}

/** `tf.shape(x)` of a traced tensor: its static sizes as numbers, its dynamic ones as scalar tensors. */
function tracedShape(x: Value | undefined): Value {
  const shape = x?.kind === 'tensor' ? x.tensor.shape : undefined;
  if (!shape) return UNKNOWN;
  return {
    kind: 'tuple',
    items: shape.map((d) =>
      typeof d === 'number'
        ? { kind: 'int', value: d }
        : d === null
          ? { kind: 'tensor', tensor: newTensor([]) }
          : UNKNOWN,
    ),
  };
}

/** `tf.range(limit)`, `tf.range(start, limit, delta)`: `keras.ops.arange`, a scalar tensor bound a dynamic size. */
function tracedRange(api: KerasApi, args: Value[], kwargs: Array<[string, Value]>, node: SyntaxNode): Value {
  const names: Record<string, string> = { start: 'start', limit: 'stop', delta: 'step' };
  const dynamic = (v: Value): Value => (v.kind === 'tensor' && v.tensor.shape?.length === 0 ? { kind: 'none' } : v);
  const renamed: Array<[string, Value]> = [];
  for (const [k, v] of kwargs) {
    if (k === 'name' || k === 'dtype') continue;
    if (!names[k]) return UNKNOWN;
    renamed.push([names[k], dynamic(v)]);
  }
  return callOp(api, 'arange', args.map(dynamic), renamed, node);
}
