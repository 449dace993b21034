/**
 * What one entry of the message catalogue is: the Python exception class
 * Keras raises for a check, and the function that writes Keras's text from
 * the check's data.
 */

/** Python exception classes the engine's errors carry, as Keras raises them. */
export type PyExceptionType =
  | 'ValueError'
  | 'TypeError'
  | 'IndexError'
  | 'AttributeError'
  | 'ZeroDivisionError'
  | 'KeyError'
  | 'NotImplementedError'
  | 'RuntimeError'
  | 'OverflowError';

export interface MessageSpec<D> {
  readonly pyType: PyExceptionType;
  readonly text: (data: D) => string;
}

/** One catalogue entry: `message('ValueError', (d: { ... }) => \`...\`)`. */
export function message<D>(pyType: PyExceptionType, text: (data: D) => string): MessageSpec<D> {
  return { pyType, text };
}
