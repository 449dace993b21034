/**
 * What `model.summary()` would print for every model of a file, in the
 * `keras-truth/programs` JSON format, and as text tables.
 */

import { formatShape, type Shape } from '../shapes/shape';
import type { Interpretation, SummaryModel, SummaryRow } from '../interpret';

export type { SummaryModel, SummaryRow } from '../interpret';

export function summarizeModels(result: Interpretation): SummaryModel[] {
  return result.summary;
}

const fmt = (n: number | null) => (n === null ? '?' : n.toLocaleString('en-US'));

/** A row's output shape as the table shows it: `(None, 15, 15, 12)`, several joined by commas, `?` if unknown. */
export function rowShapeText(r: SummaryRow): string {
  if (r.output_shape === null) return '?';
  return Array.isArray(r.output_shape[0])
    ? (r.output_shape as Shape[]).map(formatShape).join(', ')
    : formatShape(r.output_shape as Shape);
}

/** A text table like Keras's `model.summary()`, headed by the model's source line (`where`, or file:line). */
export function formatSummaryTable(m: SummaryModel, file: string, where = `${file}:${m.line}`): string {
  const rows = m.layers.map((r) => [`${r.name} (${r.class})`, rowShapeText(r), fmt(r.params)]);
  const head = ['Layer (type)', 'Output Shape', 'Param #'];
  const w = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => `${cells[0].padEnd(w[0])}  ${cells[1].padEnd(w[1])}  ${cells[2].padStart(w[2])}`;
  const rule = '─'.repeat(w[0] + w[1] + w[2] + 4);
  return [
    `Model: ${m.name === null ? '(no name)' : `"${m.name}"`} (${m.kind}) — ${where}`,
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
