/**
 * What a layer is called with and what it returns, as plain data.
 *
 * Python calls a layer with tensors, lists of tensors and plain values
 * (`layer(x)`, `layer([a, b])`, `mha(q, v, key=k)`, `rnn(x, initial_state=[h, c])`).
 */

import type { Shape } from './shape';
import type { PyValue } from './values';

/**
 * A tensor may carry the `name` and `dtype` Keras would print for it in a
 * message; without them a message names it as a session's first inputs are
 * named, float32.
 */
export type CallArg =
  | { kind: 'tensor'; shape: Shape; name?: string; dtype?: string }
  | { kind: 'list'; items: CallArg[] }
  | { kind: 'value'; value: PyValue };

export interface CallInputs {
  args: CallArg[];
  kwargs: Record<string, CallArg>;
}

export function tensorArg(shape: Shape): CallArg {
  return { kind: 'tensor', shape };
}

export function listArg(shapes: Shape[]): CallArg {
  return { kind: 'list', items: shapes.map(tensorArg) };
}

/** The usual call: one tensor, positionally. */
export function singleTensorCall(shape: Shape): CallInputs {
  return { args: [tensorArg(shape)], kwargs: {} };
}

/** The flat list of tensor shapes inside an argument (a tensor, or a list of them). */
export function flattenTensors(arg: CallArg | undefined): Shape[] {
  if (!arg) return [];
  if (arg.kind === 'tensor') return [arg.shape];
  if (arg.kind === 'list') return arg.items.flatMap(flattenTensors);
  return [];
}
