/**
 * Errors of the Keras API around the layers, as the interpreter raises them:
 * `keras.Input` and `keras.Model` (the functional graph), `Sequential`,
 * `compile`, the base `Layer.__init__` and `add_weight` of a subclass, a
 * model called on tensors, the optimizer constructors, and the loss, metric
 * and `Sequential` constructors' keywords. Shape Lens's explanation of a
 * Keras 2 habit (`Keras 3 calls them ...`) is not written here: analysis/
 * adds it after Keras's text, in the reader's language, from the kind.
 */

import { formatShape, type Shape } from '../shape';
import type { PyValue } from '../values';
import { pyClass } from './base';
import { message } from './define';
import { kerasClassOf, kerasModuleOf } from './layerCalls';
import { pyStr } from './python';

/** A model's input refused by its input spec: `Functional.input_spec`, `assert_input_compatibility`. */
interface ModelInputSpec {
  index: number;
  /** The input's name (its InputLayer's). */
  name: string;
  model: string;
  spec: Shape;
  found: Shape;
}

export const modelMessages = {
  // ------------------------------------------------ keras.Input, keras.Model(inputs, outputs)
  /** A layer of the file's class called though its `__init__` never ran Keras's (`Layer._check_super_called`). */
  layerSuperInitMissing: message(
    'RuntimeError',
    (d: { className: string }) =>
      `In layer '${d.className}', you forgot to call \`super().__init__()\` as the first statement in the \`__init__()\` method. Go add it!`,
  ),
  /** An attribute Keras's `__init__` sets, read on a model of the file's class whose `__init__` never ran Keras's. */
  objectHasNoAttribute: message(
    'AttributeError',
    (d: { className: string; attr: string }) => `'${d.className}' object has no attribute '${d.attr}'`,
  ),
  /** `load_model` of a legacy `.h5` file compiled with a loss alias of a `keras.metrics` function (`'mse'`). */
  h5LossNotDeserialisable: message(
    'ValueError',
    (d: { name: string }) =>
      `Could not deserialize 'keras.metrics.${d.name}' because it is not a KerasSaveable subclass`,
  ),
  inputShapeInt: message('ValueError', (d: { value: number }) => `Cannot convert '${d.value}' to a shape.`),
  /** Keras 1's `Model(input=..., output=...)`. */
  modelLegacyKeywords: message(
    'ValueError',
    (d: { names: string[] }) =>
      `Unrecognized keyword arguments passed to Model: {${d.names.map((k) => `'${k}'`).join(', ')}}.`,
  ),
  /**
   * `None` (a `call` without `return`) among a model's inputs or outputs. Keras prints the whole argument
   * first; that is written here when the argument is the None itself (`single`).
   */
  modelNoneAmongTensors: message(
    'ValueError',
    (d: { what: 'inputs' | 'outputs'; single: boolean }) =>
      `All \`${d.what}\` values must be KerasTensors. Received: ${d.what}${d.single ? '=None' : ''} including invalid value None of type <class 'NoneType'>`,
  ),
  /**
   * A layer never called, where a tensor belongs: `<Dense name=dense, built=False>` of its class's module.
   * Keras prints the whole argument first; that is written here when it is the layer itself (`single`).
   */
  modelLayerAmongTensors: message(
    'ValueError',
    (d: { what: 'inputs' | 'outputs'; className: string; name: string; built: boolean; single: boolean }) => {
      const layer = `<${kerasClassOf(d.className)} name=${d.name}, built=${d.built ? 'True' : 'False'}>`;
      return `All \`${d.what}\` values must be KerasTensors. Received: ${d.what}${d.single ? `=${layer}` : ''} including invalid value ${layer} of type <class '${kerasModuleOf(d.className)}.${kerasClassOf(d.className)}'>`;
    },
  ),
  /** An output that depends on an `Input` not among the model's inputs. */
  outputNotConnected: message(
    'ValueError',
    (d: { input: string }) =>
      `Output is not connected to \`inputs\`: it depends on the input '${d.input}', which is not among the model's inputs.`,
  ),
  repeatedOperationName: message(
    'ValueError',
    (d: { name: string; count: number }) =>
      `The name "${d.name}" is used ${d.count} times in the model. All operation names should be unique.`,
  ),
  modelInputSpec: message(
    'ValueError',
    (d: ModelInputSpec) =>
      `Input ${d.index} with name '${d.name}' of layer '${d.model}' is incompatible with the layer: expected shape=${formatShape(d.spec)}, found shape=${formatShape(d.found)}`,
  ),
  /** `fit`, `evaluate`, `train_on_batch` or `test_on_batch` before `compile` (`Trainer._assert_compile_called`). */
  compileNotCalled: message('ValueError', (_: object) => 'You must call `compile()` before using the model.'),
  /** A subclassed model without `call` called on tensors. */
  modelCallNotImplemented: message(
    'NotImplementedError',
    (d: { className: string }) => `Model ${d.className} does not have a \`call()\` method implemented.`,
  ),

  // ------------------------------------------------ Sequential
  sequentialInputConfigured: message(
    'ValueError',
    (d: { model: string; shape: Shape }) =>
      `Sequential model '${d.model}' has already been configured to use input shape ${formatShape(d.shape)}. You cannot add a different Input layer to it.`,
  ),
  /**
   * Something other than a layer added: a layer class itself (`className`, printed with its module), a
   * Python value (`value`), or a value of another kind Keras prints in ways not recorded (`valueKind`).
   */
  sequentialNotLayer: message('ValueError', (d: { className?: string; value?: PyValue; valueKind?: string }) => {
    const head = 'Only instances of `keras.Layer` can be added to a Sequential model.';
    if (d.className !== undefined)
      return `${head} Received: <class '${kerasModuleOf(d.className)}.${kerasClassOf(d.className)}'> (of type <class 'type'>)`;
    if (d.value !== undefined) return `${head} Received: ${pyStr(d.value)} (of type ${pyClass(d.value)})`;
    return `${head} Received a ${d.valueKind} value.`;
  }),
  sequentialInputShapeInt: message('ValueError', (d: { value: number }) => `Cannot convert '${d.value}' to a shape.`),
  /** `input_dim` that is no integer: Keras makes the shape `(input_dim,)`. */
  sequentialInputDimInvalid: message(
    'ValueError',
    (d: { repr: string; str: string; type: string }) =>
      `Cannot convert '(${d.repr},)' to a shape. Found invalid dimension '${d.str}' of type '<class '${d.type}'>'.`,
  ),
  sequentialNameClash: message(
    'ValueError',
    (d: { name: string }) =>
      `All layers added to a Sequential model should have unique names. Name '${d.name}' is already the name of a layer in this model. Update the \`name\` argument to pass a unique name.`,
  ),

  // ------------------------------------------------ compile
  /** `known`: the names `optimizers.get` takes, for Shape Lens's explanation. */
  optimizerIdentifier: message(
    'ValueError',
    (d: { identifier: string; known: string[] }) => `Could not interpret optimizer identifier: ${d.identifier}`,
  ),
  /** A single metric not in a list: a string (`str`), or an instance of the metric class `cls`. */
  metricsNotList: message(
    'ValueError',
    (d: { key: string; cls: string; str?: string }) =>
      `Expected \`${d.key}\` argument to be a list, tuple, or dict. Received instead: ${d.key}=${d.str ?? `<${d.cls}>`} of type <class '${d.cls}'>`,
  ),

  // ------------------------------------------------ a subclass's Layer.__init__, add_weight
  /** Keywords `Layer.__init__` does not take, each with its value's repr (`...` when not known). */
  layerInitKeywords: message(
    'ValueError',
    (d: { className: string; keywords: Array<[name: string, repr: string | undefined]> }) =>
      `Unrecognized keyword arguments passed to ${d.className}: {${d.keywords.map(([k, r]) => `'${k}': ${r ?? '...'}`).join(', ')}}`,
  ),
  addWeightTooManyPositional: message(
    'TypeError',
    (d: { given: number }) => `add_weight() takes at most 3 positional arguments but ${d.given} were given.`,
  ),
  addWeightNamePositional: message(
    'ValueError',
    (d: { name: string }) =>
      `\`name\` must be passed as a keyword argument. Received: add_weight('${d.name}', ...). Use: add_weight(shape=..., name='${d.name}').`,
  ),
  addWeightBothWays: message(
    'ValueError',
    (d: { argument: string }) => `\`${d.argument}\` was passed both positionally and as a keyword argument.`,
  ),

  // ------------------------------------------------ a built layer called again
  /** Its weights were built for another size of one axis. */
  layerWeightsAxis: message(
    'ValueError',
    (d: { layer: string; axis: number; value: number; shape: Shape }) =>
      `Input 0 of layer '${d.layer}' is incompatible with the layer: expected axis ${d.axis} of input shape to have value ${d.value}, but received input with shape ${formatShape(d.shape)}`,
  ),
  layerWeightsMismatch: message(
    'ValueError',
    (d: { layer: string; built?: Shape; given?: Shape }) =>
      `Layer '${d.layer}' was built for inputs of shape ${d.built ? formatShape(d.built) : '?'}; its weights do not fit inputs of shape ${d.given ? formatShape(d.given) : '?'}.`,
  ),

  // ------------------------------------------------ fit/evaluate/predict, callbacks
  /** `evaluate(**kwargs)`: keywords it does not take, each with its value's repr (`...` when not known). */
  argumentsNotRecognized: message(
    'ValueError',
    (d: { keywords: Array<[name: string, repr: string | undefined]> }) =>
      `Arguments not recognized: {${d.keywords.map(([k, r]) => `'${k}': ${r ?? '...'}`).join(', ')}}`,
  ),
  checkpointSaveFreq: message(
    'ValueError',
    (d: { saveFreq: string }) =>
      `Unrecognized save_freq: ${d.saveFreq}. Expected save_freq are 'epoch' or integer values`,
  ),
  checkpointWeightsPath: message(
    'ValueError',
    (d: { path: string }) =>
      'When using `save_weights_only=True` in `ModelCheckpoint`, the filepath provided must end in `.weights.h5` ' +
      `(Keras weights format). Received: filepath=${d.path}`,
  ),
  checkpointModelPath: message(
    'ValueError',
    (d: { path: string }) =>
      `The filepath provided must end in \`.keras\` (Keras model format). Received: filepath=${d.path}`,
  ),

  // ------------------------------------------------ optimizers
  /** Keywords an optimizer does not take, each with its value's repr (`...` when not known), as Keras prints the dict. */
  optimizerArgsNotRecognized: message(
    'ValueError',
    (d: { keywords: Array<[name: string, repr: string | undefined]> }) =>
      `Argument(s) not recognized: {${d.keywords.map(([k, r]) => `'${k}': ${r ?? '...'}`).join(', ')}}`,
  ),
  sgdMomentum: message('ValueError', (_: object) => '`momentum` must be a float between [0, 1].'),
  /** More than one clipping argument: each with its value (null for None). */
  optimizerClipping: message(
    'ValueError',
    (d: { values: Array<[name: string, value: unknown]> }) =>
      `Only one of \`clipnorm\`, \`clipvalue\` and \`global_clipnorm\` can be set. Received: ${d.values.map(([k, v]) => `${k}=${v === null ? 'None' : String(v)}`).join(', ')}`,
  ),
  adamwWeightDecayNone: message(
    'ValueError',
    (_: object) => 'Argument `weight_decay` must be a float. Received: weight_decay=None',
  ),
  gradientAccumulationSteps: message(
    'ValueError',
    (d: { steps: number }) =>
      `\`gradient_accumulation_steps\` must be an integer >= 2. Received: gradient_accumulation_steps=${d.steps}`,
  ),
  /** Keras 3 keeps `keras.optimizers.legacy` only to refuse it when one of its classes is constructed. */
  legacyOptimizer: message(
    'ImportError',
    (_: object) =>
      '`keras.optimizers.legacy` is not supported in Keras 3. When using `tf.keras`, to continue using a ' +
      '`tf.keras.optimizers.legacy` optimizer, you can install the `tf_keras` package (Keras 2) and set the ' +
      'environment variable `TF_USE_LEGACY_KERAS=True` to configure TensorFlow to use `tf_keras` when accessing ' +
      '`tf.keras`.',
  ),
};
