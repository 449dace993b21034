/**
 * What Keras adds to an exception that escapes a layer's `call`
 * (`traceback_utils.inject_argument_info_in_traceback`, wrapped around every
 * `Operation.__call__`): the class's name and the arguments the call
 * received, each printed by `format_argument_value` (its `repr`).
 *
 * Keras also sets the original message in terminal bold (`\x1b[1m`); an
 * editor shows no terminal codes, so the text here has none.
 */

import type { Shape } from '../shape';
import { formatShape } from '../shape';
import { pyRepr, type PyValue } from '../values';
import { strRepr, tupleText } from '../python/text';

/** An argument of the failing call, as Keras sees it. */
export type FrameArg =
  | { kind: 'tensor'; shape: Shape; dtype: string; name: string }
  | { kind: 'list'; items: FrameArg[] }
  | { kind: 'value'; value: PyValue };

export interface CallFrame {
  /** `self.__class__.__name__`: the class, not the alias the source used. */
  className: string;
  /** The positional arguments (`*args`). */
  args: FrameArg[];
  /** The keywords `call` received: the source's, then those `Layer.__call__` added (`training`, `mask`). */
  kwargs: Array<[string, FrameArg]>;
}

/** The message with the call's arguments, as Keras rewrites it. */
export function callFrameText(inner: string, frame: CallFrame): string {
  const name = `${frame.className}.call()`;
  const args = frame.args.map(formatted);
  const argsText = tupleText(args);
  // No keyword reached `call`: `inspect` reports the `**kwargs` parameter's default, the `empty` marker.
  const kwargsText =
    frame.kwargs.length === 0
      ? "<class 'inspect._empty'>"
      : `{${frame.kwargs.map(([k, v]) => `${strRepr(k)}: ${formatted(v)}`).join(', ')}}`;
  return (
    `Exception encountered when calling ${name}.\n\n${inner}\n\n` +
    `Arguments received by ${name}:\n  • args=${argsText}\n  • kwargs=${kwargsText}`
  );
}

/** `tree.map_structure(format_argument_value, arg)`, printed: each leaf becomes the string of its `repr`. */
function formatted(arg: FrameArg): string {
  switch (arg.kind) {
    case 'tensor':
      return strRepr(kerasTensorRepr(arg));
    case 'list':
      return `[${arg.items.map(formatted).join(', ')}]`;
    case 'value':
      return strRepr(pyRepr(arg.value));
  }
}

/** `KerasTensor.__repr__`. */
export function kerasTensorRepr(t: { shape: Shape; dtype: string; name: string }): string {
  return `<KerasTensor shape=${formatShape(t.shape)}, dtype=${t.dtype}, sparse=False, ragged=False, name=${t.name}>`;
}
