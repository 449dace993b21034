/**
 * Hover on a layer: its input and output shapes with every axis named, the
 * parameter count with its formula, trainable or not, what Dense does on a
 * tensor of rank > 2, and a link to the layer's Keras page. Returned as
 * markdown text plus the range it covers (plain data; the LSP layer converts).
 */

import { formatShape, type Shape } from '../shapes/shape';
import { modelTotals, type LayerObj, type Span } from '../interpret';
import { axisLabel, axisNames } from './axes';
import { dataHover } from './dataHover';
import { formatOutputs } from './hints';
import { localize, type Locale, type MessageId } from './messages';
import type { Analysis } from './index';

export interface HoverInfo {
  markdown: string;
  span: Span;
}

const fmt = (n: number) => n.toLocaleString('en-US');

function contains(span: Span, line: number, character: number): boolean {
  if (line < span.startLine || line > span.endLine) return false;
  if (line === span.startLine && character < span.startCol) return false;
  if (line === span.endLine && character > span.endCol) return false;
  return true;
}

function size(span: Span): number {
  return (span.endLine - span.startLine) * 10000 + (span.endCol - span.startCol);
}

/** The innermost layer construction or call under the position. */
function layerAt(
  a: Analysis,
  line: number,
  character: number,
): { layer: LayerObj; span: Span; call?: LayerObj['callSpans'][number] } | undefined {
  let best: { layer: LayerObj; span: Span; call?: LayerObj['callSpans'][number] } | undefined;
  for (const layer of a.interpretation.layers) {
    const candidates: Array<{ span: Span; call?: LayerObj['callSpans'][number] }> = [
      { span: layer.span },
      ...layer.callSpans.map((c) => ({ span: c.span, call: c })),
    ];
    for (const c of candidates) {
      if (!contains(c.span, line, character)) continue;
      if (!best || size(c.span) < size(best.span)) best = { layer, ...c };
    }
  }
  return best;
}

function axesTable(
  layer: LayerObj,
  shape: Shape,
  defaultFormat: string,
  side: 'input' | 'output',
  locale: Locale,
): string {
  const names = axisNames(layer, shape.length, defaultFormat, side);
  return shape.map((d, i) => `${axisLabel(names[i] || `axis ${i}`, locale)}=${d === null ? 'None' : d}`).join(', ');
}

/** `(3·3·20 + 1)·12 = 2,172` for a kernel plus bias; otherwise a sum of weight sizes. */
export function paramFormula(layer: LayerObj): string | undefined {
  const w = layer.weights;
  if (w.length === 0) return undefined;
  if (w.some((x) => x.shape.some((d) => typeof d !== 'number'))) return undefined;
  const dims = (s: Shape) => (s.length === 0 ? '1' : s.join('·'));
  const prod = (s: Shape) => s.reduce<number>((p, d) => p * (d as number), 1);
  const total = w.reduce((t, x) => t + prod(x.shape), 0);
  if (
    w.length === 2 &&
    w[0].name === 'kernel' &&
    w[1].name === 'bias' &&
    w[1].shape.length === 1 &&
    w[0].shape[w[0].shape.length - 1] === w[1].shape[0]
  ) {
    const fanIn = w[0].shape.slice(0, -1);
    return `(${dims(fanIn)} + 1)·${w[1].shape[0]} = ${fmt(total)}`;
  }
  return `${w.map((x) => `${x.name} ${dims(x.shape)}`).join(' + ')} = ${fmt(total)}`;
}

export function hover(
  a: Analysis,
  line: number,
  character: number,
  defaultFormat = 'channels_last',
  locale: Locale = 'en',
): HoverInfo | undefined {
  const hit = layerAt(a, line, character);
  // Data first where it is asked for by its own name (`fit`), then layers, then a name holding an array.
  const data = dataHover(a, line, character, defaultFormat, locale);
  if (data && (!hit || size(data.span) < size(hit.span))) return data;
  if (!hit) return undefined;
  const t = (id: MessageId, args?: Record<string, string | number>) => localize(locale, id, args);
  const { layer } = hit;
  const inputs = hit.call?.inputs ?? layer.inputShapes ?? [];
  const outputs = hit.call?.outputs ?? layer.outputShapes;
  const single = hit.call?.single ?? layer.single;
  const parts: string[] = [`**${layer.className}** \`${layer.name}\``];
  if (layer.constructed.status === 'unknown' && !layer.isOp && !layer.model && layer.className !== 'InputLayer') {
    parts.push(t('hover.unknownLayer', { reason: layer.constructed.reason }));
  }
  for (const [i, s] of inputs.entries()) {
    const shown = {
      index: i,
      shape: `\`${formatShape(s)}\``,
      axes: axesTable(layer, s, defaultFormat, 'input', locale),
    };
    parts.push(inputs.length > 1 ? t('hover.inputN', shown) : t('hover.input', shown));
  }
  if (outputs) {
    if (single)
      parts.push(
        t('hover.output', {
          shape: `\`${formatShape(outputs[0])}\``,
          axes: axesTable(layer, outputs[0], defaultFormat, 'output', locale),
        }),
      );
    else parts.push(t('hover.outputs', { shapes: `\`${formatOutputs(outputs, false)}\`` }));
  } else {
    parts.push(t('hover.outputUnknown'));
  }
  if (layer.model) {
    const totals = modelTotals(layer.model);
    if (totals.total !== null)
      parts.push(
        t('hover.modelParams', {
          total: fmt(totals.total),
          trainable: fmt(totals.trainable ?? 0),
          nonTrainable: fmt(totals.nonTrainable ?? 0),
        }),
      );
  } else if (layer.params && layer.params.total !== null) {
    const formula = paramFormula(layer);
    parts.push(
      t('hover.layerParams', {
        formula: formula ?? fmt(layer.params.total),
        trainable: fmt(layer.params.trainable ?? 0),
        nonTrainable: fmt(layer.params.nonTrainable ?? 0),
        frozen: layer.frozen && !layer.trainableUnknown ? t('hover.frozen') : '',
      }),
    );
  }
  if (layer.className === 'Dense' && inputs[0] && inputs[0].length > 2) {
    parts.push(
      t('hover.denseLastAxis', {
        from: String(inputs[0][inputs[0].length - 1]),
        to: String(outputs?.[0]?.at(-1) ?? '?'),
      }),
    );
  }
  if (/^(Conv|SeparableConv|DepthwiseConv|MaxPooling|AveragePooling)/.test(layer.className)) {
    parts.push(t('hover.channelsLast'));
  }
  if (!layer.isOp && !layer.model)
    parts.push(`[${t('hover.docs')}](https://keras.io/search.html?query=${encodeURIComponent(layer.className)})`);
  return { markdown: parts.join('\n\n'), span: hit.span };
}
