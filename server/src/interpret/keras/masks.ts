/**
 * Keras masks in a functional graph. `Embedding(mask_zero=True)` and
 * `Masking` compute a mask with ops (`NotEqual`, and `Any` for Masking) that
 * `summary()` lists as rows; layers that support masking carry it along, and
 * a layer whose `call` takes `mask` receives it as an input of its node, which
 * puts those ops in the model's graph.
 */

import type { PyNode as SyntaxNode } from '../../syntax/ast';
import { emitNode } from '../graph';
import { kwarg, type LayerObj, spanOf, type TensorObj } from '../values';
import type { KerasApi } from './api';

/** Built-in layers whose `call` has a `mask` parameter (`inspect.signature(cls.call)` in Keras 3.15). */
export const CALL_TAKES_MASK = new Set([
  'AdditiveAttention',
  'Attention',
  'BatchNormalization',
  'Bidirectional',
  'ConvLSTM1D',
  'ConvLSTM2D',
  'ConvLSTM3D',
  'GRU',
  'GlobalAveragePooling1D',
  'LSTM',
  'Lambda',
  'Pipeline',
  'RNN',
  'SimpleRNN',
  'Softmax',
  'TimeDistributed',
]);

/** Built-in layers that pass their input's mask on unchanged (`supports_masking` with the default `compute_mask`). */
export const PASSES_MASK_ON = new Set([
  'Activation',
  'ActivityRegularization',
  'AlphaDropout',
  'BatchNormalization',
  'Dense',
  'Dropout',
  'ELU',
  'GaussianDropout',
  'GaussianNoise',
  'GroupNormalization',
  'Identity',
  'Lambda',
  'LayerNormalization',
  'LeakyReLU',
  'MultiHeadAttention',
  'Normalization',
  'PReLU',
  'ReLU',
  'Rescaling',
  'Softmax',
  'SpatialDropout1D',
  'SpatialDropout2D',
  'SpatialDropout3D',
  'TimeDistributed',
  'UnitNormalization',
]);

const RECURRENT = new Set(['SimpleRNN', 'LSTM', 'GRU', 'RNN', 'ConvLSTM1D', 'ConvLSTM2D', 'ConvLSTM3D']);

function truthyKwarg(layer: LayerObj, name: string): boolean {
  const v = kwarg(layer.call.kwargs, name);
  return v?.kind === 'bool' ? v.value : v?.kind === 'int' ? v.value !== 0 : false;
}

/** The inputs of a call's graph node: its tensors, and their masks when the layer's `call` takes `mask`. */
export function withMasks(layer: LayerObj, inputs: TensorObj[], userCallTakesMask = false): TensorObj[] {
  if (!(userCallTakesMask || CALL_TAKES_MASK.has(layer.className)) || !inputs.some((t) => t.mask)) return inputs;
  const all = [...inputs];
  for (const t of inputs) if (t.mask) all.push(t.mask);
  return all;
}

/** Sets the mask of a symbolic call's output: made by Embedding/Masking, passed on, or none. */
export function setOutputMask(
  api: KerasApi,
  layer: LayerObj,
  inputs: TensorObj[],
  outputs: TensorObj[],
  node: SyntaxNode,
): void {
  if (outputs.length !== 1 || inputs.length === 0) return;
  const x = inputs[0];
  if (layer.className === 'Embedding' && truthyKwarg(layer, 'mask_zero')) {
    outputs[0].mask = maskOp(api, 'NotEqual', [x], x.shape, node);
  } else if (layer.className === 'Masking') {
    const notEqual = maskOp(api, 'NotEqual', [x], x.shape, node);
    outputs[0].mask = maskOp(api, 'Any', [notEqual], x.shape ? x.shape.slice(0, -1) : null, node);
  } else if (
    x.mask &&
    (PASSES_MASK_ON.has(layer.className) || (RECURRENT.has(layer.className) && truthyKwarg(layer, 'return_sequences')))
  ) {
    outputs[0].mask = x.mask;
  }
}

function maskOp(
  api: KerasApi,
  className: string,
  inputs: TensorObj[],
  shape: TensorObj['shape'],
  node: SyntaxNode,
): TensorObj {
  const op = api.makeOp(className, spanOf(node));
  op.outputShapes = shape ? [shape] : null;
  const v = emitNode(op, inputs, [shape], true);
  return (v as { tensor: TensorObj }).tensor;
}
