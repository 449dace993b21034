/**
 * What Keras's training methods return, where the source decides it: `evaluate` of a Sequential or
 * functional model with one output, compiled with one loss and no metrics, gives the loss alone, a Python
 * float (`_flatten_metrics_in_order` with a single result), not a list; with metrics named by strings, a
 * list of the loss and each metric. `fit` gives a History whose
 * `history` dict has one key per logged value: `loss` and each metric named by a string (the string
 * itself: `'acc'` logs `acc`, `'accuracy'` logs `accuracy`), sorted, and each again with `val_` when the
 * call validates; each holds one float per epoch. Anything else is unknown.
 */

import { asItems, hasKwarg, kwarg, type ModelObj, UNKNOWN, type Value } from '../values';

function noMetrics(v: Value | undefined): boolean {
  return !v || v.kind === 'none' || ((v.kind === 'list' || v.kind === 'tuple') && v.items.length === 0);
}

const FLOAT: Value = { kind: 'object', qualname: 'builtins.float' };

/** The value `model.METHOD(...)` returns, once its data checks have passed. */
export function trainingResult(
  model: ModelObj,
  method: string,
  args: Value[],
  kwargs: Array<[string, Value]>,
  splat: boolean,
): Value {
  if (method === 'fit') return fitHistory(model, args, kwargs, splat);
  if (method !== 'evaluate' || model.instance || !model.compiled || !model.built) return UNKNOWN;
  if (model.kind !== 'Sequential' && model.kind !== 'Functional') return UNKNOWN;
  const outputs = model.functional ? model.functional.outputs.length : model.outputShapes?.length;
  const returnDict = kwarg(kwargs, 'return_dict');
  if (outputs !== 1 || (returnDict && !(returnDict.kind === 'bool' && !returnDict.value))) return UNKNOWN;
  if (hasKwarg(kwargs, 'callbacks')) return UNKNOWN;
  // The loss and each metric named by a string, in that order; the loss alone is a float whose value is not known.
  const logs = loggedNames(model);
  if (!logs) return UNKNOWN;
  return logs.length === 1 ? FLOAT : { kind: 'list', items: logs.map(() => FLOAT), sized: true };
}

/**
 * `fit`'s History (`fit(x, y, batch_size, epochs, verbose, callbacks, validation_split, validation_data,
 * ..., initial_epoch)`): its `history` dict is known for a Sequential or functional model with one output,
 * compiled with one loss and a list or tuple of metric strings.
 */
function fitHistory(model: ModelObj, args: Value[], kwargs: Array<[string, Value]>, splat: boolean): Value {
  const history: Value = { kind: 'object', qualname: 'keras.callbacks.History' };
  const given = (name: string, position: number) => kwarg(kwargs, name) ?? args[position];
  const logs = splat ? undefined : loggedNames(model);
  if (!logs) return history;
  // Callbacks may log more (`ReduceLROnPlateau` logs `learning_rate`); `validation_freq` may skip validation.
  const callbacks = given('callbacks', 5);
  if (callbacks && !(callbacks.kind === 'none' || (asItems(callbacks)?.length ?? 1) === 0)) return history;
  if (kwarg(kwargs, 'validation_freq')) return history;
  const split = given('validation_split', 6);
  const data = given('validation_data', 7);
  const splits =
    split === undefined ? false : split.kind === 'int' || split.kind === 'float' ? split.value !== 0 : undefined;
  const validates = data === undefined || data.kind === 'none' ? splits : data.kind === 'unknown' ? undefined : true;
  if (validates === undefined) return history;
  const names = [...logs, ...(validates ? logs.map((n) => `val_${n}`) : [])].sort();
  const epochs = given('epochs', 3) ?? { kind: 'int', value: 1 };
  const initial = given('initial_epoch', 11) ?? { kind: 'int', value: 0 };
  const count =
    epochs.kind === 'int' && !epochs.numpy && initial.kind === 'int' && !initial.numpy
      ? Math.max(0, epochs.value - initial.value)
      : undefined;
  // No epoch run logs nothing at all.
  if (count === 0) return history;
  const perEpoch = (): Value =>
    count === undefined || count > 1000 ? UNKNOWN : { kind: 'list', items: Array.from({ length: count }, () => FLOAT) };
  const dict: Value = {
    kind: 'dict',
    entries: names.map((n) => [{ kind: 'str', value: n }, perEpoch()] as [Value, Value]),
    closed: true,
  };
  return { ...history, attrs: [['history', dict]] };
}

/** The names a `fit` of this model logs without `val_`, or undefined where the source does not decide them. */
function loggedNames(model: ModelObj): string[] | undefined {
  if (model.instance || !model.compiled || !model.built) return undefined;
  if (model.kind !== 'Sequential' && model.kind !== 'Functional') return undefined;
  const outputs = model.functional ? model.functional.outputs.length : model.outputShapes?.length;
  const { loss, metrics } = model.compiled;
  const single = loss && ['str', 'ref', 'object', 'function', 'bound', 'partial'].includes(loss.kind);
  if (outputs !== 1 || !single) return undefined;
  const items = noMetrics(metrics)
    ? []
    : metrics!.kind === 'list' || metrics!.kind === 'tuple'
      ? metrics!.items
      : undefined;
  if (!items || !items.every((m) => m.kind === 'str')) return undefined;
  const names = ['loss', ...items.map((m) => (m as Value & { kind: 'str' }).value)];
  return new Set(names).size === names.length ? names : undefined;
}
