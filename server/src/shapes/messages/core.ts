/**
 * The core layers' own checks (`keras/src/layers/core/`): InputLayer,
 * EinsumDense's equation analysis, Embedding, Masking, LoRA.
 */

import type { Dim } from '../shape';
import { pyTypeName, type PyValue } from '../values';
import { message } from './define';
import { pyStr } from './python';

const dim = (d: Dim) => (d === null ? 'None' : String(d));

export const coreMessages = {
  // ------------------------------------------------ InputLayer
  inputShapeAndBatchShape: message(
    'ValueError',
    (_: object) => 'You cannot pass both `shape` and `batch_shape` at the same time.',
  ),
  inputBatchSizeAndBatchShape: message(
    'ValueError',
    (_: object) => 'You cannot pass both `batch_size` and `batch_shape` at the same time.',
  ),
  inputShapeMissing: message('ValueError', (_: object) => 'You must pass a `shape` argument.'),

  // ------------------------------------------------ EinsumDense (`_analyze_einsum_string`)
  einsumEquationInvalid: message(
    'ValueError',
    (d: { equation: string }) =>
      `Invalid einsum equation '${d.equation}'. Equations must be in the form [X],[Y]->[Z], ...[X],[Y]->...[Z], or [X]...,[Y]->[Z]....`,
  ),
  /** Keras prints the output spec where it means the weight spec. */
  einsumOutputDimUnmatched: message(
    'ValueError',
    (d: { dim: string; outputSpec: string; inputSpec: string }) =>
      `Dimension '${d.dim}' was specified in the output '${d.outputSpec}' but has no corresponding dim in the input spec '${d.inputSpec}' or weight spec '${d.outputSpec}'`,
  ),
  einsumWeightDimUnmatched: message(
    'ValueError',
    (d: { dim: string; inputSpec: string; outputSpec: string }) =>
      `Weight dimension '${d.dim}' did not have a match in either the input spec '${d.inputSpec}' or the output spec '${d.outputSpec}'. For this layer, the weight must be fully specified.`,
  ),
  einsumSharedDimMismatch: message(
    'ValueError',
    (d: { dim: string; input: Dim; output: Dim }) =>
      `Input shape and output shape do not match at shared dimension '${d.dim}'. Input shape is ${dim(d.input)}, and output shape is ${dim(d.output)}.`,
  ),
  einsumBiasDimUnmatched: message(
    'ValueError',
    (d: { dim: string; outputSpec: string }) =>
      `Bias dimension '${d.dim}' was requested, but is not part of the output spec '${d.outputSpec}'`,
  ),
  /** `min()` of the empty `bias_axes`. */
  minOfEmpty: message('ValueError', (_: object) => 'min() arg is an empty sequence'),
  /** `re.match` on an equation that is not a string. */
  notAString: message(
    'TypeError',
    (d: { value: PyValue }) => `expected string or bytes-like object, got '${pyTypeName(d.value)}'`,
  ),

  // ------------------------------------------------ Embedding, Masking, LoRA
  embeddingDimInvalid: message(
    'ValueError',
    (d: { name: string; value: PyValue }) =>
      `\`${d.name}\` must be a positive integer. Received: ${d.name}=${pyStr(d.value)} (of type ${pyTypeName(d.value)}).`,
  ),
  /** Masking's `any(..., axis=-1)` on a scalar. */
  maskingScalar: message('ValueError', (_: object) => 'axis -1 is out of bounds for an array with dimension 0.'),
  /** Activation / Identity called on something that holds no tensor. */
  expectedTensorInput: message('TypeError', (_: object) => 'Expected a tensor input.'),
  loraWithConstraint: message(
    'ValueError',
    (d: { what: 'kernel' | 'embedding'; argument: string }) =>
      `Lora is incompatible with ${d.what} constraints. In order to enable lora on this layer, remove the \`${d.argument}\` argument.`,
  ),
  /**
   * A variable added after `enable_lora` locked the layer's tracker, which
   * raises `ValueError` with the message it was locked with: none
   * (ReversibleEmbedding's untied float table under LoRA).
   */
  variablesLocked: message('ValueError', (_: object) => 'None'),

  // ------------------------------------------------ Quantized builds (`quantized_build`)
  /** A layer's `quantized_build` given a mode it does not take (the embeddings take int8 and int4 only). */
  quantizationModeInvalid: message(
    'NotImplementedError',
    (d: { modes: string[]; mode: string }) =>
      `Invalid quantization mode. Expected one of (${d.modes.map((m) => `'${m}'`).join(', ')}). Received: quantization_mode=${d.mode}`,
  ),
};
