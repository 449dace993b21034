/**
 * The wrappers' own checks (`keras/src/layers/rnn/bidirectional.py`,
 * `time_distributed.py`).
 */

import { formatShape, type Shape } from '../shape';
import { pyRepr, type PyValue } from '../values';
import { message } from './define';
import { pyStr } from './python';

/** A layer's `get_config()`, as far as the engine holds it: the base entries, then the constructor's arguments. */
interface LayerConfig {
  className: string;
  /** `cls.__module__`. */
  module: string;
  name: string;
  trainable: boolean;
  dtype: string;
  /** The constructor's arguments in signature order, as given or defaulted. */
  entries: Array<[string, PyValue]>;
}

const DTYPE_POLICY = (name: string) =>
  `{'module': 'keras', 'class_name': 'DTypePolicy', 'config': {'name': '${name}'}, 'registered_name': None}`;

function configText(c: LayerConfig, dtype: string, extra: Array<[string, PyValue]>): string {
  const entries = [...c.entries, ...extra].map(([k, v]) => `'${k}': ${pyRepr(v)}`);
  return `{'name': '${c.name}', 'trainable': ${c.trainable ? 'True' : 'False'}, 'dtype': ${dtype}${entries.map((e) => `, ${e}`).join('')}}`;
}

export const wrapperMessages = {
  wrapperNotALayer: message(
    'ValueError',
    (d: { wrapper: 'Bidirectional' | 'TimeDistributed'; value: PyValue }) =>
      `Please initialize \`${d.wrapper}\` layer with a \`keras.layers.Layer\` instance. Received: ${pyStr(d.value)}`,
  ),
  backwardNotALayer: message(
    'ValueError',
    (d: { value: PyValue }) =>
      `\`backward_layer\` need to be a \`keras.layers.Layer\` instance. Received: ${pyStr(d.value)}`,
  ),
  mergeModeInvalid: message(
    'ValueError',
    (d: { value: PyValue }) =>
      `Invalid merge mode. Received: ${pyStr(d.value)}. Merge mode should be one of {"sum", "mul", "ave", "concat", None}`,
  ),
  /**
   * Bidirectional re-creates a layer that is not recurrent from its config
   * with `go_backwards=True`, which its constructor refuses. The message
   * prints that config: its entries after `dtype` are the constructor's
   * arguments as the engine holds them (Keras's `get_config` serializes some,
   * such as initializers, as dicts).
   */
  bidirectionalNotRecurrent: message('TypeError', (d: { config: LayerConfig }) => {
    const c = d.config;
    const back: Array<[string, PyValue]> = [['go_backwards', { kind: 'bool', value: true }]];
    return (
      `<class '${c.module}.${c.className}'> could not be deserialized properly. Please ensure that components that are ` +
      "Python object instances (layers, models, etc.) returned by `get_config()` are explicitly deserialized in the model's " +
      '`from_config()` method.\n\n' +
      `config={'module': 'keras.layers', 'class_name': '${c.className}', 'config': ${configText(c, DTYPE_POLICY(c.dtype), back)}, 'registered_name': None}.\n\n` +
      `Exception encountered: Error when deserializing class '${c.className}' using config=${configText(c, `'${c.dtype}'`, back)}.\n\n` +
      `Exception encountered: Unrecognized keyword arguments passed to ${c.className}: {'go_backwards': True}`
    );
  }),
  goBackwardsMissing: message(
    'AttributeError',
    (d: { className: string }) => `'${d.className}' object has no attribute 'go_backwards'`,
  ),
  goBackwardsEqual: message(
    'ValueError',
    (d: { forward: PyValue; backward: PyValue }) =>
      'Forward layer and backward layer should have different `go_backwards` value. Received: ' +
      `forward_layer.go_backwards ${pyStr(d.forward)}, backward_layer.go_backwards=${pyStr(d.backward)}`,
  ),
  forwardBackwardMismatch: message(
    'ValueError',
    (d: { attribute: string; forward: PyValue; backward: PyValue }) =>
      `Forward layer and backward layer are expected to have the same value for attribute "${d.attribute}", ` +
      `got "${pyStr(d.forward)}" for forward layer and "${pyStr(d.backward)}" for backward layer`,
  ),
  /** `len(weights)` of a number. */
  noLen: message('TypeError', (d: { type: string }) => `object of type '${d.type}' has no len()`),
  /** `weights[: n // 2]` of a dict. */
  unhashableSlice: message('TypeError', (_: object) => "unhashable type: 'slice'"),
  timeDistributedRankTooLow: message(
    'ValueError',
    (d: { shape: Shape }) =>
      `\`TimeDistributed\` Layer should be passed an \`input_shape\` with at least 3 dimensions, received: ${formatShape(d.shape)}`,
  ),
  /** An inner layer with several outputs, where the rule does not follow Keras's own failure (not Keras's wording). */
  timeDistributedManyOutputs: message(
    'ValueError',
    (d: { layer: string }) =>
      `Cannot convert the output of ${d.layer} to a shape: TimeDistributed needs a layer with a single output.`,
  ),
};

export type { LayerConfig };
