/**
 * Quick fixes for Keras 2's training API that Keras 3 refuses, read from the
 * error's kind and data: a keyword Keras 3 renamed (`fit(nb_epoch=...)` ->
 * `epochs=`), the data-loading keywords `fit` no longer takes (`workers=`,
 * `use_multiprocessing=`, `max_queue_size=`, which moved to
 * `keras.utils.PyDataset`), and the `*_generator` methods, whose work `fit`,
 * `evaluate` and `predict` do in Keras 3 (the call's other Keras 2 keywords
 * are mended with it, so that the new call binds).
 */

import type { RaisedError } from '../interpret';
import training from '../interpret/keras/kerasTraining.json';
import type { PyNode } from '../syntax/ast';
import type { Draft, FixContext } from './fixPlaces';
import { callArguments, keywordArgument, locate, removeArgument, replace, sameSpan, type SourceEdit } from './source';

/** Keras 2's keywords of the training methods that Keras 3 names otherwise. */
const RENAMED: Record<string, string> = { nb_epoch: 'epochs' };
/** Keywords Keras 3's training methods dropped, the data pipeline's own (a `PyDataset` takes them now). */
const DROPPED = new Set(['workers', 'use_multiprocessing', 'max_queue_size']);
/** Keras 2's generator methods and the Keras 3 methods that take generators. */
const GENERATOR_METHODS: Record<string, string> = {
  fit_generator: 'fit',
  evaluate_generator: 'evaluate',
  predict_generator: 'predict',
};
const PARAMS = Object.fromEntries(
  Object.entries(training.methods).map(([m, sig]) => [m, new Set(sig.params.map((p) => p[0] as string))]),
);

const trainingMethod = (fn: string): string | undefined => /^\w*Trainer\.(\w+)$/.exec(fn)?.[1];

/** Edits that make a call's keywords fit `method`: renamed ones renamed, dropped ones removed. */
function mendKeywords(call: PyNode, method: string): { edits: SourceEdit[]; renamed: string[]; dropped: string[] } {
  const takes = PARAMS[method];
  const edits: SourceEdit[] = [];
  const renamed: string[] = [];
  const dropped: string[] = [];
  for (const arg of callArguments(call).all) {
    const name = arg.type === 'keyword_argument' ? arg.childForFieldName('name') : null;
    if (!name || !takes || takes.has(name.text)) continue;
    const to = RENAMED[name.text];
    if (to && takes.has(to) && !keywordArgument(call, to)) {
      edits.push(replace(name, to));
      renamed.push(name.text);
    } else if (DROPPED.has(name.text)) {
      const edit = removeArgument(call, arg);
      if (edit) {
        edits.push(edit);
        dropped.push(name.text);
      }
    }
  }
  // Removals of neighbouring arguments may touch: keep only non-overlapping ones, the first of each pair.
  return { edits: nonOverlapping(edits), renamed, dropped };
}

function nonOverlapping(edits: SourceEdit[]): SourceEdit[] {
  const key = (e: SourceEdit) => [e.span.startLine, e.span.startCol, e.span.endLine, e.span.endCol];
  const sorted = [...edits].sort((a, b) => {
    const [x, y] = [key(a), key(b)];
    return x[0] - y[0] || x[1] - y[1];
  });
  const out: SourceEdit[] = [];
  for (const e of sorted) {
    const prev = out[out.length - 1];
    const overlaps =
      prev &&
      (prev.span.endLine > e.span.startLine ||
        (prev.span.endLine === e.span.startLine && prev.span.endCol > e.span.startCol));
    if (!overlaps) out.push(e);
  }
  return out;
}

/** `fit(nb_epoch=10)` -> `fit(epochs=10)`; `fit(workers=4)` without the keyword. */
export function trainingKeywordFix(e: RaisedError, cx: FixContext): Draft[] {
  if (e.check?.kind !== 'unexpectedKeyword') return [];
  const { fn, name } = e.check.data as { fn: string; name: string };
  const method = trainingMethod(fn);
  if (!method || (!RENAMED[name] && !DROPPED.has(name))) return [];
  const call = locate(cx.a.module, e.span, 'call')?.node;
  if (!call) return [];
  const { edits, renamed, dropped } = mendKeywords(call, method);
  if (edits.length === 0 || edits.length !== renamed.length + dropped.length) return [];
  const title = RENAMED[name]
    ? cx.t('fix.renameKeyword', { old: name, new: RENAMED[name] })
    : cx.t('fix.removeKeywords', { keywords: dropped.map((k) => `${k}=`).join(', ') });
  return [{ title, edits, preferred: true }];
}

/** `model.fit_generator(gen, ...)` -> `model.fit(gen, ...)`, its Keras 2 keywords mended. */
export function generatorMethodFix(e: RaisedError, cx: FixContext): Draft[] {
  if (e.check?.kind !== 'noAttribute') return [];
  const { attribute } = e.check.data as { attribute: string };
  const method = GENERATOR_METHODS[attribute];
  const attr = method ? locate(cx.a.module, e.span, 'attribute')?.node : undefined;
  const name = attr?.childForFieldName('attribute');
  if (!attr || !name || name.text !== attribute) return [];
  const edits: SourceEdit[] = [replace(name, method)];
  const located = locate(cx.a.module, attr.span(), 'attribute');
  const call = located?.ancestors[located.ancestors.length - 1];
  const fnSpan = call?.type === 'call' ? call.childForFieldName('function')?.span() : undefined;
  if (call && fnSpan && sameSpan(fnSpan, attr.span())) edits.push(...mendKeywords(call, method).edits);
  return [{ title: cx.t('fix.renameMethod', { old: attribute, new: method }), edits, preferred: true }];
}
