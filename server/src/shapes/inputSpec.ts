/**
 * `keras.layers.InputSpec` checks: the rank and fixed axes a layer requires
 * of its input, raised before `build` as `assert_input_compatibility` does.
 */

import { raise } from './errors';
import type { Dim, Shape } from './shape';
import { flattenTensors, type CallArg, type CallInputs } from './tensors';

export interface InputSpec {
  ndim?: number;
  minNdim?: number;
  maxNdim?: number;
  /** Axis (negative counts from the end) to the size it must have. */
  axes?: Record<number, Dim>;
}

let skipping = 0;

/** Runs `f` without input spec checks: a wrapper that calls its inner layer's `build` itself skips them. */
export function withoutInputSpec<T>(f: () => T): T {
  skipping++;
  try {
    return f();
  } finally {
    skipping--;
  }
}

/** `layer` is the layer's name (`self.name`, see `naming.ts`), as the messages print it. */
export function checkInputSpec(layer: string, shape: Shape, spec: InputSpec, index = 0): void {
  if (skipping > 0) return;
  const ndim = shape.length;
  if (spec.ndim !== undefined && ndim !== spec.ndim) raise('inputSpecNdim', { index, layer, ndim: spec.ndim, shape });
  if (spec.maxNdim !== undefined && ndim > spec.maxNdim)
    raise('inputSpecMaxNdim', { index, layer, maxNdim: spec.maxNdim, shape });
  if (spec.minNdim !== undefined && ndim < spec.minNdim)
    raise('inputSpecMinNdim', { index, layer, minNdim: spec.minNdim, shape });
  for (const [k, want] of Object.entries(spec.axes ?? {})) {
    const axis = Number(k);
    const got = shape[axis < 0 ? ndim + axis : axis];
    if (typeof want === 'number' && typeof got === 'number' && got !== want)
      raise('inputSpecAxis', { index, layer, axis, value: want, shape });
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
  raise('inputSpecCount', { layer, expected: 1, shapes: tensors });
}
