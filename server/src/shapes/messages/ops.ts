/**
 * Errors of `keras.ops` functions on shapes (`keras/src/ops/`), raised by the
 * interpreter's `ops/` wing as Keras's `compute_output_spec` raises them.
 */

import { formatShape, type Shape } from '../shape';
import { message } from './define';

/** A shape as a Python list prints (`[2, None]`). */
function pyList(x: Shape): string {
  return `[${x.map((d) => (d === null ? 'None' : String(d))).join(', ')}]`;
}

export const opsMessages = {
  /**
   * A NumPy function given a symbolic tensor (`np.log1p(inputs)`): `KerasTensor.__array__` refuses. Which
   * functions convert their argument is recorded (`interpret/numpy/kerasTensorArgs.json`).
   */
  kerasTensorToNumpy: message(
    'ValueError',
    (_: object) =>
      "A KerasTensor is symbolic: it's a placeholder for a shape an a dtype. It doesn't have any actual numerical value. You cannot convert it to a NumPy array.",
  ),
  /**
   * A TensorFlow function given a symbolic tensor (`tf.expand_dims(inputs, -1)`): `KerasTensor.__tf_tensor__`
   * refuses. Which functions convert their argument is recorded (`interpret/keras/tfKerasTensorArgs.json`).
   */
  kerasTensorToTensorflow: message(
    'ValueError',
    (_: object) =>
      'A KerasTensor cannot be used as input to a TensorFlow function. A KerasTensor is a symbolic placeholder for a shape and dtype, used when constructing Keras Functional models or Keras Functions. You can only use it as input to a Keras layer or a Keras operation (from the namespaces `keras.layers` and `keras.ops`). You are likely doing something like:\n\n```\nx = Input(...)\n...\ntf_fn(x)  # Invalid.\n```\n\nWhat you should do instead is wrap `tf_fn` in a layer:\n\n```\nclass MyLayer(Layer):\n    def call(self, x):\n        return tf_fn(x)\n\nx = MyLayer()(x)\n```\n',
  ),
  /** `ops.split` into `sections` equal parts of an axis of `size`. */
  splitNotDivisible: message(
    'ValueError',
    (d: { size: number; sections: number }) =>
      `\`x\` size on given \`axis\` must be divisible by \`indices_or_sections\` when \`indices_or_sections\` is an int. But received ${d.size} and ${d.sections}.`,
  ),
  unstackNum: message(
    'ValueError',
    (d: { shape: Shape }) =>
      `Cannot infer argument \`num\` from shape ${formatShape(d.shape)}. Either provide a tensor with a concrete shape in the \`axis\` dimension or explicitly pass the \`num\` argument.`,
  ),
  takeAlongAxisRank: message(
    'ValueError',
    (d: { x: Shape; indices: Shape }) =>
      `\`x\` and \`indices\` must have the same number of dimensions, but receive shape ${pyList(d.x)} and ${pyList(d.indices)}.`,
  ),
  sliceRank: message(
    'ValueError',
    (d: { inputs: Shape; shape: Shape }) =>
      `The number of dimensions in \`inputs\` must match the number of dimensions in \`shape\`. Received inputs.shape=${formatShape(d.inputs)} and shape=${formatShape(d.shape)}`,
  ),
  diagonalRank: message(
    'ValueError',
    (d: { shape: Shape }) =>
      `\`diagonal\` requires an array of at least two dimensions, but \`x\` is of shape ${formatShape(d.shape)}.`,
  ),
  /** `ops.diag`. */
  diagRank: message(
    'ValueError',
    (d: { shape: Shape }) => `\`x\` must be 1-D or 2-D, but received shape ${formatShape(d.shape)}.`,
  ),
  /** `ops.glu`: the axis is halved. */
  gluOddAxis: message(
    'ValueError',
    (d: { shape: Shape; axis: number }) =>
      `axis size must be divisible by 2. Received: x.shape=${formatShape(d.shape)} with axis=${d.axis}`,
  ),
  /** `ops.one_hot`, `ops.multi_hot`: where the new axis goes. */
  oneHotAxis: message(
    'ValueError',
    (d: { rank: number; axis: number }) => `axis must be -1 or between [0, ${d.rank}), but received ${d.axis}.`,
  ),
  matmulInner: message(
    'ValueError',
    (d: { x1: Shape; x2: Shape }) =>
      `Inner dimensions (\`x1.shape[-1]\` and \`x2.shape[-2]\`) must be equal, but received \`x1.shape=${formatShape(d.x1)}\` and \`x2.shape=${formatShape(d.x2)}\`.`,
  ),
  /** `ops.concatenate`: every other axis must agree. */
  concatenateShapes: message(
    'ValueError',
    (d: { shape: Shape; first: Shape }) =>
      `Every value in \`xs\` must have the same shape except on the \`axis\` dim. But found element of shape ${formatShape(d.shape)}, which is different from the first element's shape ${formatShape(d.first)}.`,
  ),
};
