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
    readonly pyType: string = 'ValueError',
    /** The catalogue's name for the check; `inline` for a text made at the raise site (outside the engine). */
    readonly kind: MessageKind | 'inline' = 'inline',
    readonly data: object = {},
  ) {
    super(text);
  }
}

/** A value the rule needs is not known statically: the answer is "unknown", never an error. */
export class CannotTell extends Error {}

/** Raises the catalogue's error `kind` with its data. */
export function raise<K extends MessageKind>(kind: K, data: MessageData<K>): never;
/**
 * Raises with a text made at the raise site. Only for code outside the
 * engine whose messages have not joined the catalogue yet; the engine's
 * rules raise kinds (a test holds them to it).
 */
export function raise(message: string, pyType?: string): never;
export function raise(kindOrMessage: string, dataOrType?: unknown): never {
  if (typeof dataOrType === 'object' && dataOrType !== null) {
    const kind = kindOrMessage as MessageKind;
    const { text, pyType } = renderMessage(kind, dataOrType as MessageData<typeof kind>);
    throw new KerasError(text, pyType, kind, dataOrType);
  }
  throw new KerasError(kindOrMessage, (dataOrType as string | undefined) ?? 'ValueError');
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
