/**
 * What Keras's training methods return, where the source decides it: `evaluate` of a Sequential or
 * functional model with one output, compiled with one loss and no metrics, gives the loss alone, a Python
 * float (`_flatten_metrics_in_order` with a single result), not a list. Anything else is unknown.
 */

import { hasKwarg, kwarg, type ModelObj, UNKNOWN, type Value } from '../values';

function noMetrics(v: Value | undefined): boolean {
  return !v || v.kind === 'none' || ((v.kind === 'list' || v.kind === 'tuple') && v.items.length === 0);
}

/** The value `model.METHOD(...)` returns, once its data checks have passed. */
export function trainingResult(model: ModelObj, method: string, kwargs: Array<[string, Value]>): Value {
  if (method !== 'evaluate' || model.instance || !model.compiled || !model.built) return UNKNOWN;
  if (model.kind !== 'Sequential' && model.kind !== 'Functional') return UNKNOWN;
  const outputs = model.functional ? model.functional.outputs.length : model.outputShapes?.length;
  const returnDict = kwarg(kwargs, 'return_dict');
  if (outputs !== 1 || (returnDict && !(returnDict.kind === 'bool' && !returnDict.value))) return UNKNOWN;
  const { loss, metrics } = model.compiled;
  const single = loss && ['str', 'ref', 'object', 'function', 'bound', 'partial'].includes(loss.kind);
  if (!single || !noMetrics(metrics) || hasKwarg(kwargs, 'callbacks')) return UNKNOWN;
  // A float whose value is not known.
  return { kind: 'object', qualname: 'builtins.float' };
}
