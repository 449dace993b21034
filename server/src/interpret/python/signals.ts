/**
 * What travels up the evaluator's stack as a JavaScript exception: an
 * exception the file raises (`PyRaise`), and the statements that leave a
 * block early (`return`, `break`, `continue`).
 */

import type { EngineError } from '../../shapes/engine';
import type { Span, Value } from '../values';

/** An exception the file would raise: where, and what. */
export interface RaisedError {
  span: Span;
  pyType: string;
  message: string;
  /** The Keras check that failed and its values, when the engine raised it (analysis reads these, not the text). */
  check?: EngineCheck;
}

/** An engine error's kind and data. */
export type EngineCheck = Pick<EngineError, 'kind' | 'data'>;

/** Raised through the evaluator's stack when the file would raise. */
export class PyRaise extends Error {
  constructor(
    readonly pyType: string,
    message: string,
    readonly span: Span,
    readonly check?: EngineCheck,
  ) {
    super(message);
  }
}

export class ReturnSignal {
  constructor(readonly value: Value) {}
}
export class BreakSignal {}
export class ContinueSignal {}
