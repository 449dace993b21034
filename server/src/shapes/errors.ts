/**
 * How a rule says "Keras would raise here" or "the source does not tell".
 *
 * Rules are written like Keras's own code: they raise. An error names the
 * Keras check that failed (its kind, from the catalogue in `messages/`) and
 * carries that check's values; its text is written by the catalogue, in one
 * place per kind. The engine's public functions catch both kinds of raise and
 * turn them into values, so no user input can make the engine throw.
 */

import { renderMessage, type MessageData, type MessageKind } from './messages';
import type { CallFrame } from './messages/callFrame';

/** Keras would raise: `pyType` is the Python exception class it uses. */
export class KerasError extends Error {
  /**
   * Raised while the layer's `call` (or `compute_output_shape`) ran, rather
   * than in its input check or `build`: Keras then adds the call's arguments
   * to the message, which the engine does once it knows them (`frame`).
   */
  inCall = false;
  /** The call whose arguments the message lists, once added. */
  frame?: CallFrame;

  constructor(
    /** The check's own text, without the call's arguments. */
    readonly text: string,
    readonly pyType: string,
    /** The catalogue's name for the check. */
    readonly kind: MessageKind,
    readonly data: object,
  ) {
    super(text);
  }
}

/**
 * An error as a value: the check that failed (its kind and data), the Python
 * exception class and Keras's text, written by the catalogue from the data.
 */
export interface CheckedError {
  pyType: string;
  message: string;
  kind: MessageKind;
  data: object;
}

/** The catalogue's error `kind` for its data, as a value (to raise in the interpreter or return). */
export function errorOf<K extends MessageKind>(kind: K, data: MessageData<K>): CheckedError {
  const { text, pyType } = renderMessage(kind, data);
  return { pyType, message: text, kind, data: data as object };
}

/** A raised `KerasError` as a value. */
export function checkedError(e: KerasError): CheckedError {
  return { pyType: e.pyType, message: e.message, kind: e.kind, data: e.data };
}

/** A value the rule needs is not known statically: the answer is "unknown", never an error. */
export class CannotTell extends Error {}

/** Raises the catalogue's error `kind` with its data. */
export function raise<K extends MessageKind>(kind: K, data: MessageData<K>): never {
  const { text, pyType } = renderMessage(kind, data);
  throw new KerasError(text, pyType, kind, data as object);
}

export function cannotTell(why: string): never {
  throw new CannotTell(why);
}

/**
 * Runs the part of a rule that Keras runs inside the layer's `call` (its
 * `compute_output_shape`, or the call itself): an error raised there is
 * marked so that the engine adds the call's arguments, as Keras does.
 */
export function duringCall<T>(f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof KerasError) e.inCall = true;
    throw e;
  }
}
