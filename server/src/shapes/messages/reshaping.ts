/**
 * The reshaping layers' own checks (`keras/src/layers/reshaping/`,
 * `ops/operation_utils.compute_reshape_output_shape`).
 */

import { formatShape, type Shape } from '../shape';
import { pyRepr, type PyValue } from '../values';
import { message } from './define';
import { pyStr } from './python';

/** What each 2-D/3-D layer says its `cropping`/`padding` may be (Keras's words, typos included). */
const PAIRS_FORMS: Record<string, string> = {
  'cropping 2':
    '`cropping` should be either an int, a tuple of 2 ints (symmetric_height_crop, symmetric_width_crop), ' +
    'or a tuple of 2 tuples of 2 ints ((top_crop, bottom_crop), (left_crop, right_crop)). Received: cropping=',
  'cropping 3':
    '`cropping` should be either an int, a tuple of 3 ints (symmetric_dim1_crop, symmetric_dim2_crop, symmetric_dim3_crop), ' +
    'or a tuple of 3 tuples of 2 ints ((left_dim1_crop, right_dim1_crop), (left_dim2_crop, right_dim2_crop), ' +
    '(left_dim3_crop, right_dim2_crop)). Received: ',
  'padding 2':
    '`padding` should be either an int, a tuple of 2 ints (symmetric_height_crop, symmetric_width_crop), ' +
    'or a tuple of 2 tuples of 2 ints ((top_crop, bottom_crop), (left_crop, right_crop)). Received: padding=',
  'padding 3':
    '`padding` should be either an int, a tuple of 3 ints (symmetric_dim1_pad, symmetric_dim2_pad, symmetric_dim3_pad), ' +
    'or a tuple of 3 tuples of 2 ints ((left_dim1_pad, right_dim1_pad), (left_dim2_pad, right_dim2_pad), ' +
    '(left_dim3_pad, right_dim2_pad)). Received: padding=',
};

export const reshapingMessages = {
  reshapeTargetDimInvalid: message(
    'ValueError',
    (d: { target: PyValue }) =>
      `Each dimension in \`target_shape\` must be a non-negative integer, or \`-1\` for a single unknown dimension. Received: target_shape=${pyRepr(d.target)}.`,
  ),
  reshapeTargetTwoUnknown: message(
    'ValueError',
    (d: { target: PyValue }) =>
      `There must be at most one unknown dimension (-1) in \`target_shape\`. Received: target_shape=${pyRepr(d.target)}.`,
  ),
  /** `input_shape` is the shape without its batch axis. */
  reshapeSizeChanged: message(
    'ValueError',
    (d: { input: Shape; target: PyValue }) =>
      `The total size of the tensor must be unchanged. Received: input_shape=${formatShape(d.input)}, target_shape=${pyRepr(d.target)}`,
  ),
  /** Keras's text says "by divided". */
  reshapeSizeNotDivisible: message(
    'ValueError',
    (d: { input: Shape; target: PyValue }) =>
      'The total size of the tensor must be unchanged, however, the input size cannot by divided by the specified ' +
      `dimensions in target_shape. Received: input_shape=${formatShape(d.input)}, target_shape=${pyRepr(d.target)}`,
  ),
  permuteDimsInvalid: message(
    'ValueError',
    (d: { dims: PyValue }) =>
      `Invalid permutation argument \`dims\` for Permute Layer. The set of indices in \`dims\` must be consecutive and start from 1. Received dims=${pyStr(d.dims)}`,
  ),
  /** RepeatVector's `n`, UpSampling1D's `size`. */
  argNotPositive: message(
    'ValueError',
    (d: { name: string; value: PyValue }) =>
      `Argument \`${d.name}\` should be a positive integer. Received: ${d.name}=${pyStr(d.value)}`,
  ),
  croppingNegative: message(
    'ValueError',
    (d: { value: PyValue }) => `\`cropping\` cannot be negative. Received: cropping=${pyStr(d.value)}.`,
  ),
  /** A 2-D layer says `two` and repeats the argument's name; a 3-D one does neither. */
  pairsArgLength: message('ValueError', (d: { what: 'cropping' | 'padding'; n: 2 | 3; value: PyValue }) =>
    d.n === 2
      ? `\`${d.what}\` should have two elements. Received: ${d.what}=${pyStr(d.value)}.`
      : `\`${d.what}\` should have ${d.n} elements. Received: ${pyStr(d.value)}.`,
  ),
  pairsArgInvalid: message(
    'ValueError',
    (d: { what: 'cropping' | 'padding'; n: 2 | 3; value: PyValue }) =>
      `${PAIRS_FORMS[`${d.what} ${d.n}`]}${pyStr(d.value)}.`,
  ),
  /** `cropping` prints as the tuple of pairs the layer keeps. */
  cropping1DTooLarge: message(
    'ValueError',
    (d: { shape: Shape; cropping: PyValue }) =>
      `\`cropping\` parameter of \`Cropping1D\` layer must be smaller than the input length. Received: input_shape=${formatShape(d.shape)}, cropping=${pyRepr(d.cropping)}`,
  ),
  croppingTooLarge: message(
    'ValueError',
    (d: { shape: Shape; cropping: PyValue }) =>
      `Values in \`cropping\` argument should be smaller than the corresponding spatial dimension of the input. Received: input_shape=${formatShape(d.shape)}, cropping=${pyRepr(d.cropping)}`,
  ),
};
