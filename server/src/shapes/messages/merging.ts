/**
 * The merging layers' own checks (`keras/src/layers/merging/`).
 */

import { formatShape, type Dim, type Shape } from '../shape';
import type { PyValue } from '../values';
import { message } from './define';
import { pyStr } from './python';

/** `input_shape` as Keras prints a list of shapes. */
const shapeList = (shapes: Shape[]) => `[${shapes.map(formatShape).join(', ')}]`;
const dim = (d: Dim) => (d === null ? 'None' : String(d));

export const mergingMessages = {
  mergeIncompatibleShapes: message(
    'ValueError',
    (d: { shape1: Shape; shape2: Shape }) =>
      `Inputs have incompatible shapes. Received shapes ${formatShape(d.shape1)} and ${formatShape(d.shape2)}`,
  ),
  mergeBatchSizesDiffer: message(
    'ValueError',
    (d: { shapes: Shape[] }) =>
      `Cannot merge tensors with different batch sizes. Received tensors with shapes ${shapeList(d.shapes)}`,
  ),
  mergeNotAList: message(
    'ValueError',
    (d: { shape: Shape }) =>
      `A merge layer should be called on a list of inputs. Received: input_shape=${formatShape(d.shape)} (not a list of shapes)`,
  ),
  /** `input_shape[0]` of the None an empty list of shapes becomes. */
  noneNotSubscriptable: message('TypeError', (_: object) => "'NoneType' object is not subscriptable"),
  subtractNeedsTwo: message(
    'ValueError',
    (d: { shapes: Shape[] }) =>
      `A \`Subtract\` layer should be called on exactly 2 inputs. Received: input_shape=${shapeList(d.shapes)}`,
  ),
  concatenateShapesMismatch: message(
    'ValueError',
    (d: { shapes: Shape[] }) =>
      `A \`Concatenate\` layer requires inputs with matching shapes except for the concatenation axis. Received: input_shape=${shapeList(d.shapes)}`,
  ),
  /** Called on one tensor, the input shape prints as that shape; on an empty list, as `[]`. */
  concatenateNeedsInputs: message(
    'ValueError',
    (d: { shape: Shape | null }) =>
      `A \`Concatenate\` layer should be called on a list of at least 1 input. Received: input_shape=${d.shape ? formatShape(d.shape) : '[]'}`,
  ),
  dotAxesType: message(
    'TypeError',
    (d: { axes: PyValue }) =>
      `Invalid type for argument \`axes\`: it should be a list or an int. Received: axes=${pyStr(d.axes)}`,
  ),
  dotAxesLength: message(
    'ValueError',
    (d: { axes: PyValue }) =>
      `Invalid format for argument \`axes\`: it should contain two elements. Received: axes=${pyStr(d.axes)}`,
  ),
  dotAxesNotIntegers: message(
    'ValueError',
    (d: { axes: PyValue }) =>
      `Invalid format for argument \`axes\`: list elements should be integers. Received: axes=${pyStr(d.axes)}`,
  ),
  /** `input_shape` prints as the list of shapes, or the one shape the layer was called on. */
  dotNeedsTwo: message(
    'ValueError',
    (d: { shapes: Shape[] | null; shape: Shape | null }) =>
      `A \`Dot\` layer should be called on a list of 2 inputs. Received: input_shape=${d.shapes ? shapeList(d.shapes) : formatShape(d.shape ?? [])}`,
  ),
  dotAxisMismatch: message(
    'ValueError',
    (d: { dim1: Dim; dim2: Dim; axes: [number, number]; shape1: Shape; shape2: Shape }) =>
      `Incompatible input shapes: axis values ${dim(d.dim1)} (at axis ${d.axes[0]}) != ${dim(d.dim2)} (at axis ${d.axes[1]}). Full input shapes: ${formatShape(d.shape1)}, ${formatShape(d.shape2)}`,
  ),
};
