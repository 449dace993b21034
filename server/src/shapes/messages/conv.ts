/**
 * The convolution family's own checks (`keras/src/layers/convolutional/`,
 * `ops/operation_utils.compute_conv_output_shape`,
 * `backend_utils.compute_conv_transpose_output_shape`).
 */

import { formatShape, type Shape } from '../shape';
import { pyRepr, type PyValue } from '../values';
import { message } from './define';
import { numpyArrayStr } from './python';

const tuple = (items: PyValue[]) => pyRepr({ kind: 'tuple', items });

/** A number of a tuple Keras turned into a NumPy array. */
const npItem = (v: PyValue): number | { float: number } =>
  v.kind === 'float' ? { float: v.value } : v.kind === 'int' ? v.value : Number(v.kind === 'bool' && v.value);

export const convMessages = {
  convStridesWithDilation: message(
    'ValueError',
    (d: { strides: PyValue[]; dilation: PyValue[] }) =>
      `\`strides > 1\` not supported in conjunction with \`dilation_rate > 1\`. ` +
      `Received: strides=${tuple(d.strides)} and dilation_rate=${tuple(d.dilation)}`,
  ),
  /** `filters` and `depth_multiplier` must be > 0. */
  convArgNotPositive: message(
    'ValueError',
    (d: { name: string; value: PyValue }) =>
      `Invalid value for argument \`${d.name}\`. Expected a strictly positive value. Received ${d.name}=${pyRepr(d.value)}.`,
  ),
  convGroupsNotPositive: message(
    'ValueError',
    (d: { groups: PyValue }) =>
      `The number of groups must be a positive integer. Received: groups=${pyRepr(d.groups)}.`,
  ),
  convFiltersNotDivisible: message(
    'ValueError',
    (d: { groups: PyValue; filters: PyValue }) =>
      `The number of filters must be evenly divisible by the number of groups. ` +
      `Received: groups=${pyRepr(d.groups)}, filters=${pyRepr(d.filters)}.`,
  ),
  convChannelsNotDivisible: message(
    'ValueError',
    (d: { groups: PyValue; channels: number; shape: Shape }) =>
      `The number of input channels must be evenly divisible by the number of groups. ` +
      `Received groups=${pyRepr(d.groups)}, but the input has ${d.channels} channels (full input shape is ${formatShape(d.shape)}).`,
  ),
  /** The kernel has rank + 2 axes; `compute_conv_output_shape` compares it with the input's rank. */
  convKernelRankMismatch: message(
    'ValueError',
    (d: { kernel: PyValue[]; shape: Shape }) =>
      `Kernel shape must have the same length as input, but received kernel of shape ${tuple(d.kernel)} and input of shape ${formatShape(d.shape)}.`,
  ),
  /** `padding` given as a list or tuple reaches `compute_conv_output_shape` unchanged. */
  convPaddingNotAString: message(
    'ValueError',
    (d: { padding: PyValue }) => `\`padding\` must be either \`'valid'\` or \`'same'\`. Received ${pyRepr(d.padding)}.`,
  ),
  /** `dilation_rate` prints as the NumPy array Keras made of it. */
  convOutputNotPositive: message(
    'ValueError',
    (d: { shape: Shape; kernel: PyValue[]; dilation: PyValue[]; strides: PyValue[] }) =>
      `Computed output size would be zero or negative. Received \`inputs shape=${formatShape(d.shape)}\`, ` +
      `\`kernel shape=${tuple(d.kernel)}\`, \`dilation_rate=${numpyArrayStr(d.dilation.map(npItem))}\`, ` +
      `\`strides=${tuple(d.strides)}\`, \`padding=valid\`.`,
  ),
  convOutputPaddingTooLarge: message(
    'ValueError',
    (d: { dim: number; outputPadding: PyValue[]; strides: PyValue[] }) =>
      `\`output_padding\` must be strictly less than \`strides\` for all dimensions. At dimension ${d.dim}, ` +
      `\`output_padding\` is ${pyRepr(d.outputPadding[d.dim])} but \`strides\` is ${pyRepr(d.strides[d.dim])}. ` +
      `Received: output_padding=${tuple(d.outputPadding)}, strides=${tuple(d.strides)}`,
  ),
  deconvPaddingInvalid: message(
    'ValueError',
    (d: { padding: string }) =>
      `The \`padding\` argument must be one of 'valid', 'same'. Received: padding=${d.padding}`,
  ),
  /** A transposed output length that is a float or negative, refused by the output tensor. */
  deconvDimensionInvalid: message(
    'ValueError',
    (d: { length: number; float: boolean }) =>
      `Cannot convert a shape with dimension ${d.float ? `${d.length}${Number.isInteger(d.length) ? '.0' : ''}` : d.length}: ` +
      `${d.float ? 'a float is not a valid dimension' : 'negative dimensions are not allowed'}.`,
  ),
};
