/**
 * The Keras API's records of models and layers, and what is read off them:
 * a new model (with Keras's automatic name), the InputLayer of an `Input`,
 * the one row a model stands for as a layer of another, a model's layers
 * and parameter totals, the tensors a nested structure holds.
 */

import { toSnakeCase } from '../../shapes/naming';
import type { Shape } from '../../shapes/shape';
import type { PyNode as SyntaxNode } from '../../syntax/ast';
import { asItems, type LayerObj, type ModelObj, newLayerRecord, spanOf, type TensorObj, type Value } from '../values';
import type { KerasApi } from './api';

export function makeInputLayer(api: KerasApi, shape: Shape | null, node: SyntaxNode, nameArg?: Value): LayerObj {
  // A name given draws none from Keras's counters.
  const named = nameArg?.kind === 'str' ? nameArg.value : undefined;
  const layer = api.makeOp('InputLayer', spanOf(node), named ?? api.uniqueName('input_layer'));
  if (named !== undefined) layer.namedInSource = true;
  layer.isOp = false;
  layer.builtAtInit = true;
  layer.inputShape = shape ?? undefined;
  layer.outputShapes = shape ? [shape] : null;
  return layer;
}

export function newModel(api: KerasApi, kind: string, node: SyntaxNode, nameArg?: Value): ModelObj {
  const model: ModelObj = {
    id: api.nextId++,
    kind,
    name:
      nameArg?.kind === 'str'
        ? nameArg.value
        : api.uniqueName(toSnakeCase(kind === 'Functional' ? 'functional' : kind)),
    span: spanOf(node),
    layers: [],
    inputShape: null,
    built: false,
    outputShapes: null,
  };
  api.models.push(model);
  return model;
}

/** `name=` given to Keras's base `__init__` after the automatic name was drawn: the automatic one is given back. */
export function rename(api: KerasApi, record: { name: string; className?: string; kind?: string }, name: string): void {
  const base = toSnakeCase(record.className ?? (record.kind === 'Functional' ? 'functional' : (record.kind ?? '')));
  const n = api.nameCounts.get(base) ?? 0;
  if (n > 0 && record.name === (n === 1 ? base : `${base}_${n - 1}`)) api.nameCounts.set(base, n - 1);
  record.name = name;
}

/** One LayerObj stands for a model used as a layer (a summary row of its kind). */
export function modelAsLayer(api: KerasApi, model: ModelObj): LayerObj {
  if (model.row) return model.row;
  // The row carries the model's own name: no automatic layer name is drawn for it.
  const layer = newLayerRecord({
    id: api.nextId++,
    className: model.kind,
    name: model.name,
    call: { className: model.kind, args: [], kwargs: [] },
    constructed: { status: 'unknown', reason: 'model' },
    span: { ...model.span },
    model,
  });
  api.layers.push(layer);
  model.row = layer;
  return layer;
}

export function modelLayers(model: ModelObj): LayerObj[] {
  return model.layers.flatMap((l) => (l.model ? [l, ...modelLayers(l.model)] : [l]));
}

export function flattenTensorValues(v: Value): TensorObj[] | undefined {
  if (v.kind === 'tensor') return [v.tensor];
  const items = asItems(v) ?? (v.kind === 'dict' ? dictValuesInKeyOrder(v.entries) : undefined);
  if (!items) return undefined;
  const out: TensorObj[] = [];
  for (const item of items) {
    const inner = flattenTensorValues(item);
    if (!inner) return undefined;
    out.push(...inner);
  }
  return out;
}

/** A dict's values as Keras flattens it (`keras.tree`): by sorted key, where the keys are strings. */
function dictValuesInKeyOrder(entries: Array<[Value, Value]>): Value[] {
  if (!entries.every(([k]) => k.kind === 'str')) return entries.map(([, x]) => x);
  const key = (k: Value) => (k as { value: string }).value;
  return [...entries].sort(([a], [b]) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0)).map(([, x]) => x);
}

/** Parameter totals of a model: sums over its rows once each; null when any is unknown or it is unbuilt. */
const NO_PARAMS = { total: 0, trainable: 0, nonTrainable: 0 };

export function modelTotals(model: ModelObj): {
  total: number | null;
  trainable: number | null;
  nonTrainable: number | null;
} {
  if (!model.built || model.broken) return { total: null, trainable: null, nonTrainable: null };
  let total: number | null = 0;
  let trainable: number | null = 0;
  let nonTrainable: number | null = 0;
  const seen = new Set<LayerObj>();
  for (const l of model.layers) {
    if (seen.has(l)) continue;
    seen.add(l);
    // In a built subclassed model a layer never called has no weights yet (Keras counts 0); one whose
    // call was not understood is unknown. (A Sequential with a layer it could not build has no totals.)
    const p = l.model ? modelTotals(l.model) : (l.params ?? (model.instance && !l.called ? NO_PARAMS : null));
    total = p && p.total !== null && total !== null ? total + p.total : null;
    if (
      !p ||
      p.trainable === null ||
      p.nonTrainable === null ||
      trainable === null ||
      nonTrainable === null ||
      l.trainableUnknown
    ) {
      trainable = null;
      nonTrainable = null;
      continue;
    }
    if (l.frozen) nonTrainable += p.trainable + p.nonTrainable;
    else {
      trainable += p.trainable;
      nonTrainable += p.nonTrainable;
    }
  }
  return { total, trainable, nonTrainable };
}
