/**
 * Every diagnostic Shape Lens reports: a stable code, its default severity
 * and what it means. Codes never change meaning once published; each warning
 * can be turned off by its code in the settings.
 */

export type Severity = 'error' | 'warning' | 'info' | 'hint';

export const CODES = {
  /** Running the file would make Keras raise here while building or compiling a model. */
  'keras-error': { severity: 'error' as Severity, title: 'Keras would raise here' },
  /** A channels-last layer is fed an input that looks channels-first, e.g. (20, 15, 15). */
  'channels-first-input': { severity: 'warning' as Severity, title: 'Input looks channels-first' },
  /** An input shape that seems to include the batch axis (Keras adds its own). */
  'input-includes-batch': { severity: 'warning' as Severity, title: 'Input shape includes the batch axis' },
  /** `softmax` over a single unit always outputs 1.0. */
  'softmax-single-unit': { severity: 'warning' as Severity, title: 'softmax on one unit' },
  /** The last activation does not fit the loss passed to `compile`. */
  'loss-activation-mismatch': { severity: 'warning' as Severity, title: 'Loss does not fit the last activation' },
  /** `input_shape`/`input_dim` on a layer: Keras 3 warns and prefers `keras.Input`. */
  'input-shape-argument': { severity: 'info' as Severity, title: 'input_shape/input_dim on a layer' },
  /** The analysis stopped following a value here (it grew past a limit, or the file's work budget ran out): it is unknown below. */
  'analysis-stopped': { severity: 'hint' as Severity, title: 'Analysis stopped following a value' },
} as const;

export type DiagnosticCode = keyof typeof CODES;
