/**
 * The rows `model.summary()` would print for each model, taken as a
 * snapshot when the file's own run ends (later passes that run code the file
 * never runs, for hints, must not change what Keras would print).
 */

import type { Shape } from '../../shapes/shape';
import type { LayerObj, ModelObj } from '../values';
import { modelTotals } from './records';
import { neverInitialised } from './uninitialised';

export interface SummaryRow {
  line: number;
  class: string;
  name: string;
  output_shape: Shape | Shape[] | null;
  params: number | null;
}

export interface SummaryModel {
  line: number;
  kind: string;
  /** Null for a model of the file's class whose `__init__` never ran Keras's, which sets the name. */
  name: string | null;
  layers: SummaryRow[];
  total_params: number | null;
  trainable_params: number | null;
  non_trainable_params: number | null;
}

function rowOf(layer: LayerObj): SummaryRow {
  const nested = layer.model;
  // A Sequential or functional model held but never called here shows the outputs it was made with
  // (a subclassed model has no such outputs of its own).
  const shapes = layer.outputShapes ?? (nested?.built && !nested.instance ? nested.outputShapes : null);
  const single = layer.outputShapes ? layer.single : shapes?.length === 1;
  // Keras prints 0 for a layer (or model) that was never built; one called on what the analysis does not know
  // was built, with weights not known.
  const params = nested
    ? nested.broken
      ? null
      : nested.built
        ? modelTotals(nested).total
        : 0
    : layer.params
      ? layer.params.total
      : layer.called && !layer.isOp
        ? null
        : 0;
  return {
    line: layer.span.startLine + 1,
    class: layer.className,
    name: layer.name,
    output_shape: shapes === null ? null : single ? shapes[0] : shapes,
    params,
  };
}

export function summarizeModel(model: ModelObj): SummaryModel {
  const totals = modelTotals(model);
  return {
    line: model.span.startLine + 1,
    kind: model.kind,
    name: model.instance && neverInitialised(model.instance) ? null : model.name,
    layers: model.layers.map(rowOf),
    total_params: totals.total,
    trainable_params: totals.trainable,
    non_trainable_params: totals.nonTrainable,
  };
}
