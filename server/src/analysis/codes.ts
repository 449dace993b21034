/**
 * Every diagnostic Shape Lens reports: a stable code, its default severity
 * and what it means. Messages are built by the analysis; codes never change
 * meaning once published.
 */

export type Severity = 'error' | 'warning' | 'info';

export const CODES = {
  /** Running the file would make Keras raise here while building or compiling a model. */
  'keras-error': { severity: 'error' as Severity, title: 'Keras would raise here' },
} as const;

export type DiagnosticCode = keyof typeof CODES;
