/**
 * Quick fixes: for each diagnostic at a range, the changes a careful person
 * would make, as plain data (a title, the finding it removes, source edits).
 * A fixer is chosen by the diagnostic's code (`FIXERS`); for Keras's errors,
 * each fixer in `KERAS_ERROR_FIXERS` recognises the errors it can cure (the
 * data checks at `fit` by the cure they recorded, dataFixes.ts; Keras 2's
 * training API by the error's kind, trainingFixes.ts). Every fix is tested by applying it and analysing again
 * (test/features/codeActions.test.ts): its diagnostic is gone, and no new one
 * has come.
 */

import type { RaisedError, Span } from '../interpret';
import { diagnose, type DiagnosticSettings, type Subject } from './diagnostics';
import { localize, type Locale } from './messages';
import type { SourceEdit } from './source';
import type { Analysis, Finding } from './index';
import { importMoveFix, keywordRenameFix, rankFixes, returnSequencesFix } from './errorFixes';
import type { Draft, FixContext } from './fixPlaces';
import { channelsFirstFixes, inputArgumentFixes, lossActivationFixes } from './lintFixes';
import { dataInputFixes, dataLabelFixes } from './dataFixes';
import { generatorMethodFix, trainingKeywordFix } from './trainingFixes';

export type { SourceEdit } from './source';
export { applyEdits } from './source';

export interface QuickFix {
  title: string;
  kind: 'quickfix';
  /** The finding it removes, as `diagnostics` reports it. */
  diagnostic: Finding;
  /** The one clearly right choice among the fixes of its diagnostic. */
  isPreferred: boolean;
  edits: SourceEdit[];
}

type Fixer<S extends Subject> = (subject: S, cx: FixContext) => Draft[];

const FIXERS: { [C in Subject['code']]?: Fixer<Extract<Subject, { code: C }>> } = {
  'channels-first-input': channelsFirstFixes,
  'input-shape-argument': inputArgumentFixes,
  'loss-activation-mismatch': lossActivationFixes,
  'keras-error': (s, cx) => KERAS_ERROR_FIXERS.flatMap((f) => f(s.error, cx)),
};

/** Fixers of Keras's errors; each returns nothing for an error it does not cure. */
const KERAS_ERROR_FIXERS: Array<(e: RaisedError, cx: FixContext) => Draft[]> = [
  returnSequencesFix,
  rankFixes,
  keywordRenameFix,
  importMoveFix,
  trainingKeywordFix,
  generatorMethodFix,
  dataInputFixes,
  dataLabelFixes,
];

const overlaps = (f: Finding, r: Span): boolean => {
  const start = [f.line - 1, f.column - 1];
  const end = [f.endLine - 1, f.endColumn - 1];
  const before = (x: number[], y: number[]) => x[0] < y[0] || (x[0] === y[0] && x[1] < y[1]);
  return !before(end, [r.startLine, r.startCol]) && !before([r.endLine, r.endCol], start);
};

/** The quick fixes of the diagnostics that touch `range` (0-based). */
export function codeActions(a: Analysis, range: Span, settings?: DiagnosticSettings): QuickFix[] {
  const locale: Locale = settings?.locale ?? 'en';
  const cx: FixContext = { a, t: (id, args) => localize(locale, id, args) };
  const out: QuickFix[] = [];
  for (const d of diagnose(a, settings)) {
    if (!overlaps(d.finding, range)) continue;
    const fixer = FIXERS[d.subject.code] as Fixer<Subject> | undefined;
    const drafts = (fixer?.(d.subject, cx) ?? []).filter((x) => x.edits.length > 0);
    const preferred = drafts.filter((x) => x.preferred).length === 1;
    for (const x of drafts)
      out.push({
        title: x.title,
        kind: 'quickfix',
        diagnostic: d.finding,
        isPreferred: preferred && !!x.preferred,
        edits: x.edits,
      });
  }
  return out;
}
