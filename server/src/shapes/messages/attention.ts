/**
 * The attention layers' own checks (`keras/src/layers/attention/`).
 */

import { formatShape, type Dim, type Shape } from '../shape';
import type { PyValue } from '../values';
import { message } from './define';
import { pyStr } from './python';

const dim = (d: Dim) => (d === null ? 'None' : String(d));

export const attentionMessages = {
  attentionScoreModeInvalid: message(
    'ValueError',
    (d: { value: PyValue }) =>
      `Invalid value for argument score_mode. Expected one of {'dot', 'concat'}. Received: score_mode=${pyStr(d.value)}`,
  ),
  /** `_validate_inputs` in `build`, where the input is a shape. */
  attentionInputsNotAList: message(
    'ValueError',
    (d: { className: string; shape: Shape }) =>
      `${d.className} layer must be called on a list of inputs, namely [query, value] or [query, value, key]. Received: inputs=${formatShape(d.shape)}.`,
  ),
  attentionInputCount: message(
    'ValueError',
    (d: { className: string; length: number }) =>
      `${d.className} layer accepts inputs list of length 2 or 3, namely [query, value] or [query, value, key]. Received length: ${d.length}.`,
  ),
  attentionValueKeyMismatch: message(
    'ValueError',
    (d: { value: Shape; key: Shape }) =>
      `All dimensions of \`value\` and \`key\`, except the last one, must be equal. Received: value_shape=${formatShape(d.value)} and key_shape=${formatShape(d.key)}`,
  ),
  slidingWindowInvalid: message(
    'ValueError',
    (d: { value: PyValue }) =>
      `\`sliding_window\` must be \`None\` or a positive integer. Received: sliding_window=${pyStr(d.value)}`,
  ),
  flashAttentionDropout: message(
    'ValueError',
    (_: object) =>
      'Dropout is not supported when flash attention is enabled. Please set dropout to 0.0 to use flash attention.',
  ),
  /** MultiHeadAttention's `num_heads`, `key_dim` and `value_dim` checks. */
  attentionSizeInvalid: message(
    'ValueError',
    (d: { name: string; value: PyValue; orNone: boolean }) =>
      `Received an invalid value for argument \`${d.name}\`, expected ${d.orNone ? 'a positive integer or `None`' : 'a positive integer'}. Received: ${d.name}=${pyStr(d.value)}`,
  ),
  attentionOutputShapeInvalid: message(
    'ValueError',
    (d: { value: PyValue }) =>
      `Invalid \`output_shape\`: ${pyStr(d.value)}. When specified, the \`output_shape\` should be of type tuple, list, or int.`,
  ),
  /** Keras's text has no space after the first sentence. */
  attentionAxesInvalid: message(
    'ValueError',
    (d: { value: PyValue }) =>
      `\`attention_axes\` must be an int, list, or tuple.Received: attention_axes=${pyStr(d.value)}`,
  ),
  headsNotDivisible: message(
    'ValueError',
    (_: object) => '`num_query_heads` must be divisible by `num_key_value_heads`.',
  ),
  queryValueLastDimMismatch: message(
    'ValueError',
    (d: { query: Shape; value: Shape }) =>
      `The last dimension of \`query_shape\` and \`value_shape\` must be equal, but are ${dim(d.query[d.query.length - 1])}, ${dim(d.value[d.value.length - 1])}. Received: query_shape=${formatShape(d.query)}, value_shape=${formatShape(d.value)}`,
  ),
};
