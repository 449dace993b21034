/**
 * The pooling family's own checks (`keras/src/layers/pooling/`,
 * `ops/operation_utils.compute_pooling_output_shape`).
 */

import type { Dim } from '../shape';
import { pyRepr, type PyValue } from '../values';
import { pyClass } from './base';
import { message } from './define';
import { numpyArrayStr, pyStr } from './python';

const npItem = (v: PyValue): number | { float: number } =>
  v.kind === 'float' ? { float: v.value } : v.kind === 'int' ? v.value : Number(v.kind === 'bool' && v.value);

export const poolingMessages = {
  /** Checked before anything else looks at the strides. */
  poolPaddingInvalid: message(
    'ValueError',
    (d: { padding: PyValue }) =>
      `Argument \`padding\` must be either 'valid' or 'same'. Received: padding=${pyStr(d.padding)}`,
  ),
  /**
   * `compute_pooling_output_shape` prints the input shape and `pool_size` as
   * the NumPy arrays it made of them; it has replaced an unknown spatial
   * size by -1 in that array before the check.
   */
  poolOutputNotPositive: message(
    'ValueError',
    (d: { shape: Dim[]; poolSize: PyValue[]; strides: PyValue[]; spatial: [number, number] }) => {
      const shape = d.shape.map((x, i) =>
        x === null && i >= d.spatial[0] && i < d.spatial[1] ? -1 : x === '?' ? null : x,
      );
      return (
        `Computed output size would be zero or negative. Received: \`inputs.shape=${numpyArrayStr(shape, d.shape.includes(null))}\`, ` +
        `\`pool_size=${numpyArrayStr(d.poolSize.map(npItem))}\`, \`strides=${pyRepr({ kind: 'tuple', items: d.strides })}\`, \`padding=valid\`.`
      );
    },
  ),
  adaptiveOutputSizeLength: message(
    'ValueError',
    (d: { value: PyValue }) => `For 1D input, \`output_size\` tuple must have length 1. Received: ${pyStr(d.value)}`,
  ),
  adaptiveOutputSizeInvalid: message(
    'TypeError',
    (d: { rank: 1 | 2 | 3; value: PyValue }) =>
      `\`output_size\` must be ${d.rank === 1 ? 'an integer or tuple of 1 integer' : d.rank === 2 ? 'an integer or (height, width) tuple' : 'an integer or (depth, height, width) tuple'}. ` +
      `Received: ${pyStr(d.value)} of type ${pyClass(d.value)}`,
  ),
  adaptiveDataFormatInvalid: message(
    'ValueError',
    (d: { value: PyValue }) => `Invalid data_format: ${pyStr(d.value)}. Expected 'channels_first' or 'channels_last'.`,
  ),
};
