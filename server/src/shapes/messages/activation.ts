/**
 * The activation layers' own checks (`keras/src/layers/activations/`).
 */

import type { PyValue } from '../values';
import { message } from './define';
import { pyStr } from './python';

export const activationMessages = {
  reluMaxValueNegative: message(
    'ValueError',
    (d: { value: PyValue }) =>
      `max_value of a ReLU layer cannot be a negative value. Received: max_value=${pyStr(d.value)}`,
  ),
  /** ReLU's `negative_slope` and `threshold`. */
  reluArgNoneOrNegative: message(
    'ValueError',
    (d: { name: string; value: PyValue }) =>
      `${d.name} of a ReLU layer cannot be None or a negative value. Received: ${d.name}=${pyStr(d.value)}`,
  ),
  leakyReluSlopeInvalid: message(
    'ValueError',
    (d: { value: PyValue }) =>
      `The negative_slope value of a Leaky ReLU layer cannot be None or negative value. Expected a float. Received: negative_slope=${pyStr(d.value)}`,
  ),
};
