/**
 * Keras 3's messages for data that does not fit a model at `fit`, `evaluate`
 * and `predict`, word for word, each written once from its values (the JAX
 * backend's text where the backend's own check raises). Checked against the
 * recordings in `../shared/keras-truth/data-programs/` and `test/truth/data-programs/`.
 */

import { formatShape, type Shape } from '../../shapes/shape';

export type DataErrorKind =
  'cardinality' | 'invalidInputShape' | 'functionalInputSpec' | 'sameShape' | 'sameShapeUpToLast' | 'sequentialCall';

/** `check_data_cardinality`: the first axis of every array of `x`, `y` (and `sample_weight`). */
export function cardinalityMessage(sizes: Array<[label: string, firsts: number[]]>): string {
  let msg = 'Data cardinality is ambiguous. Make sure all arrays contain the same number of samples.';
  for (const [label, firsts] of sizes) msg += `'${label}' sizes: ${firsts.join(', ')}\n`;
  return msg;
}

/** A traced array as JAX prints it inside `jit`: `JitTracer(float32[128,28,28])`. */
function tracerText(shape: Shape, dtype: string): string {
  return `JitTracer(${dtype}[${shape.map((d) => (typeof d === 'number' ? String(d) : 'None')).join(',')}])`;
}

/** `Functional._adjust_input_rank`: the data's rank is neither the input's nor one trailing axis of 1 away. */
export function invalidInputShapeMessage(given: Shape, dtype: string, name: string, path: string, ref: Shape): string {
  return `Invalid input shape for input ${tracerText(given, dtype)} with name '${name}' and path '${path}'. Expected shape ${formatShape(ref)}, but input has incompatible shape ${formatShape(given)}`;
}

/** `assert_input_compatibility` on a functional model's own input spec (its inputs' shapes, batch open). */
export function functionalInputSpecMessage(
  index: number,
  name: string,
  model: string,
  spec: Shape,
  found: Shape,
): string {
  return `Input ${index} with name '${name}' of layer '${model}' is incompatible with the layer: expected shape=${formatShape(spec)}, found shape=${formatShape(found)}`;
}

/** `categorical_crossentropy` and `binary_crossentropy` (JAX backend): the targets must be the output's shape. */
export function sameShapeMessage(target: Shape, output: Shape): string {
  return `Arguments \`target\` and \`output\` must have the same shape. Received: target.shape=${formatShape(target)}, output.shape=${formatShape(output)}`;
}

/** `sparse_categorical_crossentropy` (JAX backend): the targets must be the output's shape without its last axis. */
export function sameShapeUpToLastMessage(target: Shape, output: Shape): string {
  return `Arguments \`target\` and \`output\` must have the same shape up until the last dimension: target.shape=${formatShape(target)}, output.shape=${formatShape(output)}`;
}

/** A layer's error inside `Sequential.call` while `fit` builds its train step: Keras adds the call's arguments. */
export function sequentialCallMessage(inner: string, given: Shape, dtype: string): string {
  return (
    `Exception encountered when calling Sequential.call().\n\n\x1b[1m${inner}\x1b[0m\n\n` +
    `Arguments received by Sequential.call():\n  • inputs=jnp.ndarray(shape=${formatShape(given)}, dtype=${dtype})\n` +
    `  • training=False\n  • mask=None\n  • kwargs=<class 'inspect._empty'>`
  );
}

/**
 * `Trainer._symbolic_build`: an error other than a ValueError while `fit` builds the model on a batch. Keras
 * follows it with `Exception encountered:` and the backend's own text, which is not modelled; this is the head.
 */
export function unableToBuildMessage(): string {
  return (
    'Unable to automatically build the model. Please build it yourself before calling fit/evaluate/predict. ' +
    "A model is 'built' when its variables have been created and its `self.built` attribute is True. " +
    'Usually, calling the model on a batch of data is the right way to build it.'
  );
}

/** `standardize_dtype` on data of Python objects (ragged sequences never padded). */
export function invalidDtypeMessage(dtype: string): string {
  return `Invalid dtype: ${dtype}`;
}

/** JAX's `jnp.equal` on shapes that do not broadcast, raised while `fit` builds an accuracy metric. */
export function eqBroadcastMessage(a: Shape, b: Shape): string {
  return `eq got incompatible shapes for broadcasting: ${formatShape(a)}, ${formatShape(b)}.`;
}

/** JAX's rank promotion (`lax.broadcast_shapes`) on arrays of different ranks that do not broadcast. */
export function rankBroadcastMessage(a: Shape, b: Shape): string {
  return `Incompatible shapes for broadcasting: shapes=[${formatShape(a)}, ${formatShape(b)}]`;
}
