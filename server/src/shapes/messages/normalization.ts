/**
 * The normalization layers' own checks (`keras/src/layers/normalization/`).
 */

import { formatShape, type Dim, type Shape } from '../shape';
import { pyRepr, type PyValue } from '../values';
import { message } from './define';
import { pyStr } from './python';

export const normalizationMessages = {
  synchronizedNeedsTensorFlow: message(
    'ValueError',
    (_: object) => 'Argument synchronized=True is only supported with the TensorFlow backend.',
  ),
  renormClippingKeysInvalid: message(
    'ValueError',
    (d: { value: PyValue }) =>
      `Received invalid keys for \`renorm_clipping\` argument: ${pyStr(d.value)}. Supported values: ['rmax', 'rmin', 'dmax'].`,
  ),
  /** Keras's strings lack the `f` prefix: the braces print as they are. */
  renormRmaxBelowRmin: message(
    'ValueError',
    (_: object) =>
      'rmax should be greater than rmin in the `renorm_clipping` argument. Received: rmax={rmax}, rmin={rmin}.',
  ),
  renormDmaxNegative: message(
    'ValueError',
    (_: object) => 'dmax should be non-negative in the `renorm_clipping` argument. Received: dmax={dmax}.',
  ),
  layerNormAxisInvalid: message(
    'TypeError',
    (d: { axis: PyValue }) =>
      `Expected an int or a list/tuple of ints for the argument 'axis', but received: ${pyRepr(d.axis)}`,
  ),
  unitNormAxisInvalid: message(
    'TypeError',
    (d: { axis: PyValue }) =>
      `Invalid value for \`axis\` argument: expected an int or a list/tuple of ints. Received: axis=${pyStr(d.axis)}`,
  ),
  /** LayerNormalization's and RMSNormalization's `compute_output_shape`. */
  normAxisOutOfBoundsWithAxis: message(
    'ValueError',
    (d: { axis: PyValue; shape: Shape; axes: PyValue }) =>
      `Axis ${pyStr(d.axis)} is out of bounds for input shape ${formatShape(d.shape)}. Received: axis=${pyStr(d.axes)}`,
  ),
  /** UnitNormalization's `compute_output_shape`. */
  normAxisOutOfBounds: message(
    'ValueError',
    (d: { axis: PyValue; shape: Shape }) =>
      `Axis ${pyStr(d.axis)} is out of bounds for input shape ${formatShape(d.shape)}.`,
  ),
  groupNormGroupsInvalid: message(
    'ValueError',
    (d: { groups: PyValue }) =>
      'Received an invalid value for argument `groups`, expected a positive integer (or `-1` for instance normalization). ' +
      `Received: groups=${pyStr(d.groups)}`,
  ),
  groupNormAxisUndefined: message(
    'ValueError',
    (d: { axis: PyValue; shape: Shape }) =>
      `Axis ${pyStr(d.axis)} of input tensor should have a defined dimension but the layer received an input with shape ${formatShape(d.shape)}.`,
  ),
  groupNormTooManyGroups: message(
    'ValueError',
    (d: { groups: number; channels: Dim }) =>
      `Number of groups (${d.groups}) cannot be more than the number of channels (${d.channels}).`,
  ),
  /** Keras's text has the relation backwards: the channels must be a multiple of the groups. */
  groupNormGroupsNotDividing: message(
    'ValueError',
    (d: { groups: number; channels: Dim }) =>
      `Number of groups (${d.groups}) must be a multiple of the number of channels (${d.channels}).`,
  ),
  wrapperLayerInvalid: message(
    'ValueError',
    (d: { layer: PyValue }) =>
      `Layer ${pyStr(d.layer)} supplied to Wrapper isn't a supported layer type. Please ensure wrapped layer is a valid Keras layer.`,
  ),
  powerIterationsNotPositive: message(
    'ValueError',
    (d: { value: PyValue }) =>
      `\`power_iterations\` should be greater than zero. Received: \`power_iterations=${pyStr(d.value)}\``,
  ),
  spectralNoKernel: message(
    'ValueError',
    (d: { className: string }) => `${d.className} object has no attribute 'kernel' nor 'embeddings'`,
  ),
};
