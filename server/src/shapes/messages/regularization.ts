/**
 * The regularization layers' own checks (`keras/src/layers/regularization/`):
 * Dropout and its kin, GaussianNoise, ActivityRegularization.
 */

import type { PyValue } from '../values';
import { message } from './define';
import { pyStr } from './python';

const NOISE = 'Invalid value received for argument `noise_shape`.';

export const regularizationMessages = {
  seedNotInteger: message(
    'ValueError',
    (d: { value: PyValue }) => `Argument \`seed\` must be an integer. Received: seed=${pyStr(d.value)}`,
  ),
  noiseShapeString: message(
    'ValueError',
    (d: { value: PyValue }) => `${NOISE} Expected a tuple or list of integers. Received: noise_shape=${pyStr(d.value)}`,
  ),
  noiseShapeNotIterable: message(
    'ValueError',
    (d: { value: PyValue }) =>
      `${NOISE} Expected an iterable of integers (e.g., a tuple or list). Received: noise_shape=${pyStr(d.value)}`,
  ),
  noiseShapeItemNotInteger: message(
    'ValueError',
    (d: { index: number; item: PyValue; type: string }) =>
      `${NOISE} Expected all elements to be integers or None. Received element at index ${d.index}: ${pyStr(d.item)} (type: ${d.type})`,
  ),
  noiseShapeItemNotPositive: message(
    'ValueError',
    (d: { index: number; item: PyValue }) =>
      `${NOISE} Expected all dimensions to be positive integers or None. Received negative or zero value at index ${d.index}: ${pyStr(d.item)}`,
  ),
  /** Keras's text has no space after the period. */
  penaltyInvalid: message(
    'ValueError',
    (d: { name: string; value: PyValue }) =>
      `Invalid value for argument ${d.name}: expected a non-negative float.Received: ${d.name}=${pyStr(d.value)}`,
  ),
  /** ActivityRegularization passes its own `activity_regularizer` to `Layer.__init__`. */
  activityRegularizerTwice: message(
    'TypeError',
    (_: object) =>
      "keras.src.layers.layer.Layer.__init__() got multiple values for keyword argument 'activity_regularizer'",
  ),
};
