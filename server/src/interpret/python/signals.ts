/**
 * What travels up the evaluator's stack as a JavaScript exception: an
 * exception the file raises (`PyRaise`), and the statements that leave a
 * block early (`return`, `break`, `continue`).
 */

import type { CheckedError } from '../../shapes/errors';
import type { Span, Value } from '../values';

/** An exception the file would raise: where, and what. */
export interface RaisedError {
  span: Span;
  pyType: string;
  message: string;
  /** The check that failed and its values (analysis reads these, never the text). */
  check: ErrorCheck;
}

/** An error's kind and data. */
export type ErrorCheck = Pick<CheckedError, 'kind' | 'data'>;

/** Raised through the evaluator's stack when the file would raise. */
export class PyRaise extends Error {
  readonly pyType: string;
  readonly check: ErrorCheck;
  constructor(
    error: CheckedError,
    readonly span: Span,
  ) {
    super(error.message);
    this.pyType = error.pyType;
    this.check = { kind: error.kind, data: error.data };
  }
}

export class ReturnSignal {
  constructor(readonly value: Value) {}
}
export class BreakSignal {}
export class ContinueSignal {}
