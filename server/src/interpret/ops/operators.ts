/**
 * Python's operators on symbolic tensors (`x * 2` is Keras's `Multiply` op,
 * `-x` its `Negative`) and `keras.activations` functions applied to a
 * tensor: each is an operation of the functional graph, with a row of its
 * own in `summary()`.
 */

import type { PyNode as SyntaxNode } from '../../syntax/ast';
import { toSnakeCase } from '../../shapes/naming';
import { emitNode } from '../graph';
import type { KerasApi } from '../keras/api';
import { spanOf, UNKNOWN, type Value } from '../values';
import { callOp } from './ops';

/**
 * `keras.activations.X(tensor)`: the operation Keras records, each keeping its input's shape; `linear` returns
 * its input. Held to Keras by `test/interpret/kerasApiFacts.test.ts` (`activations` of `test/truth/keras-api/`):
 * `mish`, `hard_silu` and `sparsemax` are not here, since on the JAX backend they refuse a symbolic tensor.
 */
export const ACTIVATIONS: Record<string, string> = {
  celu: 'Celu',
  elu: 'Elu',
  exponential: 'Exp',
  gelu: 'Gelu',
  hard_shrink: 'HardShrink',
  hard_sigmoid: 'HardSigmoid',
  hard_tanh: 'HardTanh',
  leaky_relu: 'LeakyRelu',
  log_sigmoid: 'LogSigmoid',
  log_softmax: 'LogSoftmax',
  relu: 'ReLU',
  relu6: 'Relu6',
  selu: 'Selu',
  sigmoid: 'Sigmoid',
  silu: 'Silu',
  soft_shrink: 'SoftShrink',
  softmax: 'Softmax',
  softplus: 'Softplus',
  softsign: 'Softsign',
  sparse_plus: 'SparsePlus',
  sparse_sigmoid: 'SparseSigmoid',
  squareplus: 'Squareplus',
  swish: 'Silu',
  tanh: 'Tanh',
  tanh_shrink: 'TanhShrink',
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
  return api.nameTensors(emitNode(op, [x.tensor], [x.tensor.shape], true));
}

/** The op class Keras records for a Python operator on tensors. */
function opClassForOperator(op: string): string | undefined {
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

/** `a op b` with a tensor on either side: the op Keras records (unknown for an operator KerasTensor lacks). */
export function callOperator(api: KerasApi, op: string, a: Value, b: Value, node: SyntaxNode): Value {
  const cls = opClassForOperator(op);
  if (!cls) return UNKNOWN;
  return callOp(api, cls === 'Matmul' ? 'matmul' : toSnakeCase(cls), [a, b], [], node);
}

/** `-x` (Negative) and `~x` (LogicalNot) on a tensor. */
export function callUnaryOperator(api: KerasApi, op: string, x: Value, node: SyntaxNode): Value {
  if (op === '-') return callOp(api, 'negative', [x], [], node);
  if (op === '~') return callOp(api, 'logical_not', [x], [], node);
  return UNKNOWN;
}
