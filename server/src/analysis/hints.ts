/**
 * Inlay hints: at the end of each line that constructs or calls a layer,
 * the output shape as Keras prints it (`→ (None, 15, 15, 12)`); after the
 * line that creates a model, its parameter total. Nothing where nothing is
 * known. Plain data: 0-based line and character, a label.
 */

import { formatShape, type Shape } from '../shapes/shape';
import { modelTotals } from '../interpret';
import type { Analysis } from './index';

export interface HintItem {
  line: number;
  character: number;
  label: string;
  kind: 'shape' | 'params';
}

export interface HintSettings {
  shapes: boolean;
  paramTotals: boolean;
}

export const DEFAULT_HINT_SETTINGS: HintSettings = { shapes: true, paramTotals: true };

/**
 * How many different shapes one line lists (a helper run many times, or a call of a helper that makes many
 * layers) before it says "…": the first ones, then "…", then the last, which is what the line leaves.
 */
const MAX_SHAPES_PER_LINE = 3;

export function formatOutputs(outputs: Shape[], single: boolean): string {
  return single ? formatShape(outputs[0]) : `[${outputs.map(formatShape).join(', ')}]`;
}

/**
 * Per analysis and settings, every hint of the file in line order: made once,
 * so a request for the visible lines costs those lines (a binary search), not
 * a scan of every layer. A line's hints depend only on what ends on that line.
 */
const byLine = new WeakMap<Analysis, Map<string, HintItem[]>>();

export function inlayHints(
  a: Analysis,
  range?: { startLine: number; endLine: number },
  settings: HintSettings = DEFAULT_HINT_SETTINGS,
): HintItem[] {
  let perSettings = byLine.get(a);
  if (!perSettings) byLine.set(a, (perSettings = new Map()));
  const key = `${settings.shapes}/${settings.paramTotals}`;
  let all = perSettings.get(key);
  if (!all) perSettings.set(key, (all = allHints(a, settings)));
  if (!range) return all.slice();
  return all.slice(firstAtOrAfter(all, range.startLine), firstAtOrAfter(all, range.endLine + 1));
}

/** The index of the first item on `line` or after it. */
function firstAtOrAfter(items: HintItem[], line: number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (items[mid].line < line) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function allHints(a: Analysis, settings: HintSettings): HintItem[] {
  // Per line, the call site that starts leftmost is the outermost one: its results are what the line gives.
  const calls = new Map<number, { col: number; shapes: string[] }>();
  // Layers built by a Sequential have no call site: their construction line shows what the model made of them.
  // On one line, the construction site furthest right is the last layer there; a site run several times (a loop) lists each result.
  const built = new Map<number, { col: number; shapes: string[] }>();
  if (settings.shapes) {
    for (const layer of a.interpretation.layers) {
      for (const c of layer.callSpans) {
        const line = c.span.endLine;
        if (!c.outputs) continue;
        const text = formatOutputs(c.outputs, c.single);
        const cur = calls.get(line);
        if (!cur || c.span.startCol < cur.col) calls.set(line, { col: c.span.startCol, shapes: [text] });
        else if (c.span.startCol === cur.col && !cur.shapes.includes(text)) cur.shapes.push(text);
      }
      if (layer.callSpans.length === 0 && layer.outputShapes) {
        const cur = built.get(layer.span.endLine);
        const text = formatOutputs(layer.outputShapes, layer.single);
        if (!cur || layer.span.startCol > cur.col)
          built.set(layer.span.endLine, { col: layer.span.startCol, shapes: [text] });
        else if (layer.span.startCol === cur.col && !cur.shapes.includes(text)) cur.shapes.push(text);
      }
    }
  }
  const items: HintItem[] = [];
  const lines = new Set([...calls.keys(), ...built.keys()]);
  for (const line of lines) {
    const shapes = calls.get(line)?.shapes ?? built.get(line)!.shapes;
    const shown =
      shapes.length > MAX_SHAPES_PER_LINE
        ? [...shapes.slice(0, MAX_SHAPES_PER_LINE - 1), '…', shapes[shapes.length - 1]]
        : shapes;
    items.push({ line, character: lineEnd(a, line), label: `→ ${shown.join(' | ')}`, kind: 'shape' });
  }
  if (settings.paramTotals) {
    for (const model of a.interpretation.models) {
      const line = model.span.endLine;
      const t = modelTotals(model).total;
      if (t === null) continue;
      items.push({ line, character: lineEnd(a, line), label: `${t.toLocaleString('en-US')} params`, kind: 'params' });
    }
  }
  return items.sort((x, y) => x.line - y.line || (x.kind === 'shape' ? -1 : 1));
}

/** The character at the end of the line's code (trailing spaces trimmed). */
export function lineEnd(a: Analysis, line: number): number {
  const start = a.lineStarts[line] ?? a.text.length;
  const next = a.lineStarts[line + 1] ?? a.text.length + 1;
  const text = a.text.slice(start, next - 1).replace(/\r$/, '');
  return text.replace(/\s+$/, '').length;
}
