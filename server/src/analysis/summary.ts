/**
 * What `model.summary()` would print for every model of a file, in the
 * `keras-truth/programs` JSON format, and as text tables.
 */

import { formatShape, type Shape } from '../shapes/shape';
import { modelTotals, type Interpretation, type LayerObj, type ModelObj } from '../interpret';

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
  name: string;
  layers: SummaryRow[];
  total_params: number | null;
  trainable_params: number | null;
  non_trainable_params: number | null;
}

function rowOf(layer: LayerObj): SummaryRow {
  const shapes = layer.outputShapes;
  const params = layer.model ? modelTotals(layer.model).total : layer.params ? layer.params.total : 0;
  return {
    line: layer.span.startLine + 1,
    class: layer.className,
    name: layer.name,
    output_shape: shapes === null ? null : layer.single ? shapes[0] : shapes,
    // Keras prints 0 for a layer that was never built.
    params: shapes === null && !layer.model ? 0 : params,
  };
}

export function summarizeModel(model: ModelObj): SummaryModel {
  const totals = modelTotals(model);
  return {
    line: model.span.startLine + 1,
    kind: model.kind,
    name: model.name,
    layers: model.layers.map(rowOf),
    total_params: totals.total,
    trainable_params: totals.trainable,
    non_trainable_params: totals.nonTrainable,
  };
}

export function summarizeModels(result: Interpretation): SummaryModel[] {
  return result.models.map(summarizeModel);
}

const fmt = (n: number | null) => (n === null ? '?' : n.toLocaleString('en-US'));

/** A text table like Keras's `model.summary()`, headed by the model's source line. */
export function formatSummaryTable(m: SummaryModel, file: string): string {
  const rows = m.layers.map((r) => [
    `${r.name} (${r.class})`,
    r.output_shape === null ? '?' : Array.isArray(r.output_shape[0]) ? (r.output_shape as Shape[]).map(formatShape).join(', ') : formatShape(r.output_shape as Shape),
    fmt(r.params),
  ]);
  const head = ['Layer (type)', 'Output Shape', 'Param #'];
  const w = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => `${cells[0].padEnd(w[0])}  ${cells[1].padEnd(w[1])}  ${cells[2].padStart(w[2])}`;
  const rule = '─'.repeat(w[0] + w[1] + w[2] + 4);
  return [
    `Model: "${m.name}" (${m.kind}) — ${file}:${m.line}`,
    rule,
    line(head),
    rule,
    ...rows.map(line),
    rule,
    ` Total params: ${fmt(m.total_params)}`,
    ` Trainable params: ${fmt(m.trainable_params)}`,
    ` Non-trainable params: ${fmt(m.non_trainable_params)}`,
  ].join('\n');
}
