/**
 * Hover on data. Over a name that holds an array: its shape, each axis named
 * as the model that consumes it (the first data call that takes the name as
 * its inputs or targets) names it. Over `fit`/`evaluate`/`predict` (and the
 * `*_on_batch` twins): the model's inputs and outputs lined up against the
 * data, axis by axis, in a Markdown table.
 */

import { formatShape, type Dim, type Shape } from '../shapes/shape';
import type { DataCall, DataPart, LayerObj, ModelObj, Span } from '../interpret';
import type { PyNode } from '../syntax/ast';
import { axisLabel, axisNames } from './axes';
import { localize, type Locale, type MessageId } from './messages';
import type { Analysis } from './index';

export interface DataHoverInfo {
  markdown: string;
  span: Span;
}

function contains(span: Span, line: number, character: number): boolean {
  if (line < span.startLine || line > span.endLine) return false;
  if (line === span.startLine && character < span.startCol) return false;
  if (line === span.endLine && character > span.endCol) return false;
  return true;
}

const before = (a: Span, b: Span) =>
  a.startLine < b.startLine || (a.startLine === b.startLine && a.startCol <= b.startCol);

/** The identifier under the position, if any. */
function identifierAt(root: PyNode, line: number, character: number): PyNode | undefined {
  let node: PyNode | undefined = root;
  while (node) {
    if (node.type === 'identifier') return node;
    const inner: PyNode | undefined = node.namedChildren.find((c) => contains(c.span(), line, character));
    node = inner;
  }
  return undefined;
}

/** The start line of the innermost `def` around a place (-1 at module level): a name means its own scope's binding. */
function scopeOf(root: PyNode, span: Span): number {
  let node: PyNode | undefined = root;
  let def = -1;
  while (node) {
    if (node.type === 'function_definition' || node.type === 'lambda') def = node.span().startLine;
    node = node.namedChildren.find((c) => contains(c.span(), span.startLine, span.startCol));
  }
  return def;
}

/** A model's input shapes (with the batch axis) and the layer that first reads them. */
function modelInputs(model: ModelObj): Array<{ name?: string; shape: Shape | null; layer?: LayerObj }> {
  const first = model.layers.find((l) => l.className !== 'InputLayer' && !l.isOp);
  if (model.functional)
    return model.functional.inputs.map((t) => ({ name: t.node?.op.name, shape: t.shape, layer: first }));
  return [{ shape: model.inputShape, layer: first }];
}

function modelOutputs(model: ModelObj): Array<{ name?: string; shape: Shape | null; layer?: LayerObj }> {
  const outs = model.outputShapes ?? [];
  const producers = model.functional?.outputs.map((t) => t.node?.op);
  const last = [...model.layers].reverse().find((l) => !l.isOp);
  const keys = model.functional?.outputKeys;
  return outs.map((shape, i) => ({ name: keys?.[i] ?? producers?.[i]?.name, shape, layer: producers?.[i] ?? last }));
}

const dimText = (d: Dim | undefined) => (d === undefined ? '—' : d === null ? 'None' : d === '?' ? '?' : String(d));

/** The names of a rank's axes as `layer` reads (input) or writes (output) them; the first axis is the samples. */
function namesFor(layer: LayerObj | undefined, rank: number, fmt: string, side: 'input' | 'output', locale: Locale) {
  const names = layer ? axisNames(layer, rank, fmt, side) : [];
  return Array.from({ length: rank }, (_, i) =>
    i === 0 ? localize(locale, 'axis.samples') : axisLabel(names[i] || `axis ${i}`, locale),
  );
}

function table(
  head: string,
  ref: { shape: Shape | null; layer?: LayerObj },
  given: DataPart,
  side: 'input' | 'output',
  fmt: string,
  locale: Locale,
): string {
  const t = (id: MessageId) => localize(locale, id);
  const want = ref.shape;
  const got = given.shape;
  const rank = Math.max(want?.length ?? 0, got?.length ?? 0);
  const names = namesFor(ref.layer, want?.length ?? rank, fmt, side, locale);
  const rows = [
    `| ${head} | ${t(side === 'input' ? 'hover.dataModelIn' : 'hover.dataModelOut')} | ${t('hover.dataGiven')} |`,
  ];
  rows.push('|---|---:|---:|');
  for (let i = 0; i < rank; i++) {
    const w = want?.[i];
    const g = got?.[i];
    // Only the inputs are marked: the targets' rule depends on the loss.
    const differs =
      side === 'input' &&
      i > 0 &&
      want?.length === got?.length &&
      typeof w === 'number' &&
      typeof g === 'number' &&
      w !== g;
    rows.push(
      `| ${names[i] ?? localize(locale, 'axis.n', { index: i })} | ${dimText(want ? w : '?')} | ${dimText(got ? g : '?')}${differs ? ' ✗' : ''} |`,
    );
  }
  return rows.join('\n');
}

/** Which of a model's inputs (or outputs) a part of the data goes to: by its key in a dict, else by its place. */
function refFor<T extends { name?: string }>(refs: T[], part: DataPart, index: number): T | undefined {
  if (part.key !== undefined) return refs.find((r) => r.name === part.key);
  return refs[index];
}

function callHover(call: DataCall, fmt: string, locale: Locale): string {
  const t = (id: MessageId, args?: Record<string, string | number>) => localize(locale, id, args);
  const parts = [t('hover.dataCall', { method: call.method, model: call.model.name })];
  const ins = modelInputs(call.model);
  const outs = modelOutputs(call.model);
  const label = (kind: 'hover.dataInput' | 'hover.dataTarget', p: DataPart, i: number, n: number) =>
    t(kind, { name: p.key ?? p.text ?? (n > 1 ? String(i) : kind === 'hover.dataInput' ? 'x' : 'y') });
  for (const [i, p] of (call.x ?? []).entries()) {
    const ref = refFor(ins, p, i);
    if (ref) parts.push(table(label('hover.dataInput', p, i, call.x!.length), ref, p, 'input', fmt, locale));
  }
  for (const [i, p] of (call.y ?? []).entries()) {
    const ref = refFor(outs, p, i);
    if (ref) parts.push(table(label('hover.dataTarget', p, i, call.y!.length), ref, p, 'output', fmt, locale));
  }
  if (parts.length === 1) parts.push(t('hover.dataUnknown'));
  return parts.join('\n\n');
}

/** The first data call after `at` that takes `name` as its inputs or targets, and which. */
function consumer(calls: DataCall[], name: string, at: Span, until: Span | undefined) {
  for (const call of calls) {
    if (!before(at, call.span) || (until && before(until, call.span))) continue;
    const xi = call.x?.findIndex((p) => p.text === name) ?? -1;
    if (xi >= 0) return { call, side: 'input' as const, index: xi };
    const yi = call.y?.findIndex((p) => p.text === name) ?? -1;
    if (yi >= 0) return { call, side: 'output' as const, index: yi };
  }
  return undefined;
}

function arrayHover(a: Analysis, id: PyNode, fmt: string, locale: Locale) {
  const name = id.text;
  const span = id.span();
  // The binding the name refers to here: the one under the position, else the latest one above it.
  let binding: Analysis['interpretation']['arrays'][number] | undefined;
  const scope = scopeOf(a.module, span);
  for (const b of a.interpretation.arrays) {
    if (b.name !== name || !before(b.span, span) || scopeOf(a.module, b.span) !== scope) continue;
    if (!binding || before(binding.span, b.span)) binding = b;
  }
  if (!binding || binding.shape === undefined) return undefined;
  const shape = binding.shape;
  if (!shape) return { markdown: localize(locale, 'hover.arrayUnknown', { name }), span };
  // The calls it feeds are those before the name is bound again.
  let next: Span | undefined;
  for (const b of a.interpretation.arrays)
    if (b.name === name && b !== binding && before(binding.span, b.span) && (!next || before(b.span, next)))
      next = b.span;
  const use = consumer(a.interpretation.dataCalls, name, binding.span, next);
  const refs = use && (use.side === 'input' ? modelInputs(use.call.model) : modelOutputs(use.call.model));
  const ref = refs?.[use!.index];
  // The model's names fit only data the model takes as it is: the same rank, every known size equal.
  const fits =
    ref?.shape &&
    ref.shape.length === shape.length &&
    shape.every((d, i) => i === 0 || typeof d !== 'number' || typeof ref.shape![i] !== 'number' || d === ref.shape![i]);
  const names = fits
    ? namesFor(ref.layer, shape.length, fmt, use!.side, locale)
    : shape.map((_, i) =>
        i === 0 && use ? localize(locale, 'axis.samples') : localize(locale, 'axis.n', { index: i }),
      );
  const axes = shape.map((d, i) => `${names[i]}=${dimText(d)}`).join(', ');
  const parts = [localize(locale, 'hover.array', { name, shape: `\`${formatShape(shape)}\``, axes })];
  if (use && ref)
    parts.push(
      localize(locale, use.side === 'input' ? 'hover.arrayFeeds' : 'hover.arrayTargets', {
        method: use.call.method,
        model: use.call.model.name,
        line: use.call.span.startLine + 1,
        shape: ref.shape ? `\`${formatShape(ref.shape)}\`` : '?',
      }),
    );
  return { markdown: parts.join('\n\n'), span };
}

/** Hover on data at a position, or undefined when the position holds no data call and no array. */
export function dataHover(
  a: Analysis,
  line: number,
  character: number,
  fmt = 'channels_last',
  locale: Locale = 'en',
): DataHoverInfo | undefined {
  const call = a.interpretation.dataCalls.find((c) => contains(c.nameSpan, line, character));
  if (call) return { markdown: callHover(call, fmt, locale), span: call.nameSpan };
  const id = identifierAt(a.module, line, character);
  return id ? arrayHover(a, id, fmt, locale) : undefined;
}
