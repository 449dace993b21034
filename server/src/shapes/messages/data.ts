/**
 * Keras 3's errors for data that does not fit a model at `fit`, `evaluate`
 * and `predict` (the interpreter's `keras/dataChecks.ts`), the JAX backend's
 * text where the backend's own check raises. Checked against the recordings
 * in `../shared/keras-truth/data-programs/` and `test/truth/data-programs/`.
 */

import { formatShape, type Shape } from '../shape';
import { message } from './define';

/** A traced array as JAX prints it inside `jit`: `JitTracer(float32[128,28,28])`. */
function tracerText(shape: Shape, dtype: string): string {
  return `JitTracer(${dtype}[${shape.map((d) => (typeof d === 'number' ? String(d) : 'None')).join(',')}])`;
}

export const dataMessages = {
  /**
   * `fit(..., validation_data=x_val)` with an array alone: Keras takes it as inputs without targets, and the
   * loss at the end of the first epoch cannot make an array of the missing targets (JAX's text).
   */
  validationWithoutTargets: message('ValueError', (_: object) => 'None is not a valid value for jnp.array'),
  /**
   * `keras.utils.to_categorical(y, num_classes)` with a label past `num_classes`: NumPy's IndexError at
   * `categorical[np.arange(batch_size), x] = 1`, for the first such label.
   */
  categoricalIndex: message(
    'IndexError',
    (d: { index: number; size: number }) => `index ${d.index} is out of bounds for axis 1 with size ${d.size}`,
  ),
  /** `check_data_cardinality`: the first axis of every array of `x`, `y` (and `sample_weight`). */
  dataCardinality: message('ValueError', (d: { sizes: Array<[label: string, firsts: number[]]> }) => {
    let msg = 'Data cardinality is ambiguous. Make sure all arrays contain the same number of samples.';
    for (const [label, firsts] of d.sizes) msg += `'${label}' sizes: ${firsts.join(', ')}\n`;
    return msg;
  }),
  /** `Functional._adjust_input_rank`: the data's rank is neither the input's nor one trailing axis of 1 away. */
  invalidInputShape: message(
    'ValueError',
    (d: { given: Shape; dtype: string; name: string; path: string; ref: Shape }) =>
      `Invalid input shape for input ${tracerText(d.given, d.dtype)} with name '${d.name}' and path '${d.path}'. Expected shape ${formatShape(d.ref)}, but input has incompatible shape ${formatShape(d.given)}`,
  ),
  /** `categorical_crossentropy` and `binary_crossentropy` (JAX backend): the targets must be the output's shape. */
  targetShape: message(
    'ValueError',
    (d: { target: Shape; output: Shape }) =>
      `Arguments \`target\` and \`output\` must have the same shape. Received: target.shape=${formatShape(d.target)}, output.shape=${formatShape(d.output)}`,
  ),
  /** `sparse_categorical_crossentropy` (JAX backend): the targets must be the output's shape without its last axis. */
  targetShapeUpToLast: message(
    'ValueError',
    (d: { target: Shape; output: Shape }) =>
      `Arguments \`target\` and \`output\` must have the same shape up until the last dimension: target.shape=${formatShape(d.target)}, output.shape=${formatShape(d.output)}`,
  ),
  /**
   * A layer's error inside `Sequential.call` while `fit` builds its train step: Keras re-raises it (same
   * class) with the call's arguments; `inner` is the layer's error.
   */
  sequentialCall: message(
    (d: {
      inner: { pyType: string; message: string; kind: string; data: object };
      given: Shape;
      dtype: string;
      /** A list of arrays given for the Sequential's one input (Keras runs the first): all of them. */
      givenList?: Shape[];
    }) => d.inner.pyType,
    (d) => {
      const array = (s: Shape) => `jnp.ndarray(shape=${formatShape(s)}, dtype=${d.dtype})`;
      const inputs = d.givenList ? `[${d.givenList.map((s) => `'${array(s)}'`).join(', ')}]` : array(d.given);
      const mask = d.givenList ? `[${d.givenList.map(() => "'None'").join(', ')}]` : 'None';
      return (
        `Exception encountered when calling Sequential.call().\n\n\x1b[1m${d.inner.message}\x1b[0m\n\n` +
        `Arguments received by Sequential.call():\n  • inputs=${inputs}\n` +
        `  • training=False\n  • mask=${mask}\n  • kwargs=<class 'inspect._empty'>`
      );
    },
  ),
  /** An error escaping a subclassed model's `call` run eagerly on arrays, with the arrays it received by parameter. */
  subclassCall: message(
    (d: {
      inner: { pyType: string; message: string; kind: string; data: object };
      className: string;
      args: Array<[string, Shape]>;
    }) => d.inner.pyType,
    (d) =>
      `Exception encountered when calling ${d.className}.call().\n\n\x1b[1m${d.inner.message}\x1b[0m\n\n` +
      `Arguments received by ${d.className}.call():\n` +
      d.args.map(([n, s]) => `  • ${n}=jnp.ndarray(shape=${formatShape(s)}, dtype=float32)`).join('\n'),
  ),
  /**
   * `Trainer._symbolic_build`: an error other than a ValueError while `fit` builds the model on a batch. Keras
   * follows it with `Exception encountered:` and the backend's own text, which is not modelled; this is the head.
   */
  unableToBuild: message(
    'RuntimeError',
    (_: object) =>
      'Unable to automatically build the model. Please build it yourself before calling fit/evaluate/predict. ' +
      "A model is 'built' when its variables have been created and its `self.built` attribute is True. " +
      'Usually, calling the model on a batch of data is the right way to build it.',
  ),
  /** `standardize_dtype` on data of Python objects (ragged sequences never padded). */
  invalidDtype: message('ValueError', (d: { dtype: string }) => `Invalid dtype: ${d.dtype}`),
  /** JAX's `jnp.equal` on shapes that do not broadcast, raised while `fit` builds an accuracy metric. */
  eqBroadcast: message(
    'TypeError',
    (d: { a: Shape; b: Shape }) =>
      `eq got incompatible shapes for broadcasting: ${formatShape(d.a)}, ${formatShape(d.b)}.`,
  ),
  /** JAX's rank promotion (`lax.broadcast_shapes`) on arrays of different ranks that do not broadcast (an accuracy metric). */
  rankBroadcast: message(
    'ValueError',
    (d: { a: Shape; b: Shape }) =>
      `Incompatible shapes for broadcasting: shapes=[${formatShape(d.a)}, ${formatShape(d.b)}]`,
  ),
};
