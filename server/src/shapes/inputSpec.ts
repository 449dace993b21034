/**
 * `keras.layers.InputSpec` checks: the rank and fixed axes a layer requires
 * of its input, raised before `build` as `assert_input_compatibility` does.
 */

import { raise } from './errors';
import { formatShape, type Dim, type Shape } from './shape';
import { flattenTensors, type CallArg, type CallInputs } from './tensors';

export interface InputSpec {
  ndim?: number;
  minNdim?: number;
  maxNdim?: number;
  /** Axis (negative counts from the end) to the size it must have. */
  axes?: Record<number, Dim>;
}

export function checkInputSpec(layer: string, shape: Shape, spec: InputSpec, index = 0): void {
  const ndim = shape.length;
  const where = `Input ${index} of layer '${layer}' is incompatible with the layer`;
  if (spec.ndim !== undefined && ndim !== spec.ndim) {
    raise(`${where}: expected ndim=${spec.ndim}, found ndim=${ndim}. Full shape received: ${formatShape(shape)}`);
  }
  if (spec.maxNdim !== undefined && ndim > spec.maxNdim) {
    raise(`${where}: expected max_ndim=${spec.maxNdim}, found ndim=${ndim}`);
  }
  if (spec.minNdim !== undefined && ndim < spec.minNdim) {
    raise(
      `${where}: expected min_ndim=${spec.minNdim}, found ndim=${ndim}. Full shape received: ${formatShape(shape)}`,
    );
  }
  for (const [k, want] of Object.entries(spec.axes ?? {})) {
    const axis = Number(k);
    const got = shape[axis < 0 ? ndim + axis : axis];
    if (typeof want === 'number' && typeof got === 'number' && got !== want) {
      raise(
        `${where}: expected axis ${axis} of input shape to have value ${want}, but received input with shape ${formatShape(shape)}`,
      );
    }
  }
}

/**
 * The one tensor a single-input layer is called with. A list of tensors
 * where one is expected raises as Keras's input-spec check does.
 */
export function singleInput(layer: string, inputs: CallInputs): Shape {
  const first: CallArg | undefined = inputs.args[0] ?? inputs.kwargs['inputs'];
  if (first?.kind === 'tensor') return first.shape;
  const tensors = flattenTensors(first);
  if (tensors.length === 1) return tensors[0];
  raise(`Layer '${layer}' expects 1 input(s), but it received ${tensors.length} input tensors.`);
}
