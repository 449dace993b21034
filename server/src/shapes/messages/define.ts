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
  | 'OverflowError'
  | 'ImportError'
  | 'ModuleNotFoundError';

export interface MessageSpec<D> {
  /** The class, or, for an error that wraps another (Keras re-raising it with more text), the class from the data. */
  readonly pyType: PyExceptionType | ((data: D) => string);
  readonly text: (data: D) => string;
}

/** One catalogue entry: `message('ValueError', (d: { ... }) => \`...\`)`. */
export function message<D>(pyType: MessageSpec<D>['pyType'], text: (data: D) => string): MessageSpec<D> {
  return { pyType, text };
}
