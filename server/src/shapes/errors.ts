/**
 * How a rule says "Keras would raise here" or "the source does not tell".
 *
 * Rules are written like Keras's own code: they raise. The engine's public
 * functions catch both kinds and turn them into values, so no user input can
 * make the engine throw.
 */

/** Keras would raise: `pyType` is the Python exception class it uses. */
export class KerasError extends Error {
  constructor(
    message: string,
    readonly pyType: string = 'ValueError',
  ) {
    super(message);
  }
}

/** A value the rule needs is not known statically: the answer is "unknown", never an error. */
export class CannotTell extends Error {}

export function raise(message: string, pyType = 'ValueError'): never {
  throw new KerasError(message, pyType);
}

export function cannotTell(why: string): never {
  throw new CannotTell(why);
}
