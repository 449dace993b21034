/**
 * Data given as dicts, as Keras's data adapters match them to a functional
 * model: inputs by the names of its `Input`s, targets (and a dict of losses)
 * by its output names (a dict of outputs' keys, else the layers' names that
 * make them). A dict whose keys are not exactly those names is left unknown:
 * Keras's own complaint about it is not modelled. And a subclassed model
 * with no declared input, which the first batch builds.
 */

import type { Shape } from '../../shapes/shape';
import { asItems, type ModelObj, type Value } from '../values';
import type { PyNode as SyntaxNode } from '../../syntax/ast';
import { findMethod } from '../python/objects';
import type { KerasApi } from './api';
import { modelAsLayer } from './records';

/** The names of a functional model's inputs (`model.input_names`), or undefined. */
export function inputNames(model: ModelObj): string[] | undefined {
  const names = model.functional?.inputs.map((t) => t.node?.op.name);
  return names && names.every((n): n is string => !!n) ? names : undefined;
}

/** The names of a functional model's outputs (`model.output_names`), or undefined. */
export function outputNames(model: ModelObj): string[] | undefined {
  const f = model.functional;
  if (!f) return undefined;
  if (f.outputKeys) return f.outputKeys;
  const names = f.outputs.map((t) => t.node?.op.name);
  return names.every((n): n is string => !!n) ? names : undefined;
}

/** A dict's values in the order of `names` (a list value); undefined when the keys are other names. */
function byNames(v: Value & { kind: 'dict' }, names: string[] | undefined): Value | undefined {
  if (!names || v.entries.length !== names.length) return undefined;
  const items: Value[] = [];
  for (const name of names) {
    const hit = v.entries.find(([k]) => k.kind === 'str' && k.value === name);
    if (!hit) return undefined;
    items.push(hit[1]);
  }
  return { kind: 'list', items };
}

/** Inputs or targets as the model takes them: a dict ordered by the model's names; anything else as it is. */
export function inModelOrder(model: ModelObj, v: Value | undefined, side: 'inputs' | 'outputs'): Value | undefined {
  if (v?.kind !== 'dict') return v;
  return byNames(v, side === 'inputs' ? inputNames(model) : outputNames(model));
}

/** A dict of losses, one per output by its name; undefined when it does not name each output once. */
export function lossesByName(model: ModelObj, loss: Value & { kind: 'dict' }): Value[] | undefined {
  const ordered = byNames(loss, outputNames(model));
  return ordered ? asItems(ordered) : undefined;
}

/**
 * A subclassed model without a declared input, built by the first batch as `fit`/`predict` build it: its
 * `call` runs on the batch (JAX's trainer calls it eagerly on the batch's arrays), so its rows carry that
 * batch size, and an error that escapes it is Keras's as for `model(array)`. A batch of a size not known
 * runs on a path that may not be taken: the model then stays unbuilt and unknown where it raises.
 */
export function buildByBatch(api: KerasApi, model: ModelObj, batches: Shape[], node: SyntaxNode): void {
  if (batches.length !== 1 || !model.instance || !findMethod(model.instance.cls, 'call')) return;
  const sure = batches[0].every((d) => typeof d === 'number');
  if (!sure) api.interp.uncertain++;
  try {
    api.callLayer(modelAsLayer(api, model), [{ kind: 'array', shape: batches[0] }], [], node);
  } finally {
    if (!sure) api.interp.uncertain--;
  }
}
