/**
 * The recurrent layers' own checks (`keras/src/layers/rnn/`).
 */

import { formatShape, type Shape } from '../shape';
import type { PyValue } from '../values';
import { message } from './define';
import { pyStr } from './python';

export const rnnMessages = {
  rnnStatefulDynamicBatch: message(
    'ValueError',
    (d: { shape: Shape }) =>
      'When using `stateful=True` in a RNN, the batch size must be static. ' +
      `Found dynamic batch size: sequence.shape=${formatShape(d.shape)}`,
  ),
  rnnUnitsNotPositive: message(
    'ValueError',
    (d: { value: PyValue }) =>
      `Received an invalid value for argument \`units\`, expected a positive integer, got ${pyStr(d.value)}.`,
  ),
  /** `RNN.compute_output_shape`: the cell's `output_size` is not a Python int. */
  rnnOutputSizeNotInteger: message('ValueError', (_: object) => 'output_size must be an integer.'),
  rnnStateSizeNotInteger: message(
    'ValueError',
    (_: object) => 'state_size must be an integer, or a list/tuple of integers (one for each state tensor).',
  ),
  /** Keras's text says "valid" for "value". */
  rnnUseCudnnInvalid: message(
    'ValueError',
    (d: { value: PyValue }) =>
      `Invalid valid received for argument \`use_cudnn\`. Expected one of {'auto', True, False}. Received: use_cudnn=${pyStr(d.value)}`,
  ),
  /** `SeedGenerator` on the JAX backend keeps the seed as a uint32. */
  seedOutOfBounds: message(
    'OverflowError',
    (d: { seed: number }) => `Python integer ${d.seed} out of bounds for uint32`,
  ),
  rnnCellNoCall: message(
    'ValueError',
    (d: { cell: PyValue }) => `Argument \`cell\` should have a \`call\` method. Received: cell=${pyStr(d.cell)}`,
  ),
  rnnCellNoStateSize: message(
    'ValueError',
    (d: { cell: PyValue }) =>
      `The RNN cell should have a \`state_size\` attribute (single integer or list of integers, one integer per RNN state). Received: cell=${pyStr(d.cell)}`,
  ),
  stackedCellNoStateSize: message(
    'ValueError',
    (d: { cell: PyValue }) =>
      `All cells must have a \`state_size\` attribute. Received cell without a \`state_size\`: ${pyStr(d.cell)}`,
  ),
  stackedCellNoCall: message(
    'ValueError',
    (d: { cell: PyValue }) =>
      `All cells must have a \`call\` method. Received cell without a \`call\` method: ${pyStr(d.cell)}`,
  ),
  convLstmStridesWithDilation: message(
    'ValueError',
    (d: { strides: number[]; dilation: number[] }) =>
      'Specifying `strides > 1` is not compatible with `dilation_rate > 1`. Please provide `strides=1` or `dilation_rate=1`. ' +
      `Received: strides=(${d.strides.join(', ')}${d.strides.length === 1 ? ',' : ''}) and dilation_rate=(${d.dilation.join(', ')}${d.dilation.length === 1 ? ',' : ''})`,
  ),
  convLstmSpatialUndefined: message(
    'ValueError',
    (d: { shape: Shape }) =>
      'ConvLSTM layers only support static input shapes for the spatial dimension. ' +
      `Received invalid input shape: input_shape=${formatShape(d.shape)}`,
  ),
  convLstmChannelsUndefined: message(
    'ValueError',
    (d: { shape: Shape }) =>
      `The channel dimension of the inputs (last axis) should be defined. Found None. Full input shape received: input_shape=${formatShape(d.shape)}`,
  ),
  /** `int()` of numpy's inf or nan, after a division by a zero stride. */
  floatToIntNan: message('ValueError', (_: object) => 'cannot convert float NaN to integer'),
};
