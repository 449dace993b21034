/**
 * Every quick fix a file offers, numbered in the order the codeActions test
 * and the recorder of fixed programs (test/truth/fixed/record.ts) both use:
 * diagnostics in the order they are reported, each one's fixes in order.
 */

import { analyze, codeActions, diagnostics, type Finding, type QuickFix } from '../../server/src/analysis';
import { applyEdits } from '../../server/src/analysis/codeActions';
import type { PythonParser } from '../../server/src/syntax/parser';

export interface NumberedFix {
  /** 1-based, over the whole file. */
  n: number;
  diagnostic: Finding;
  fix: QuickFix;
  fixed: string;
}

export const findingKey = (d: Finding) => `${d.code}: ${d.message}`;

export const rangeOf = (d: Finding) => ({
  startLine: d.line - 1,
  startCol: d.column - 1,
  endLine: d.endLine - 1,
  endCol: d.endColumn - 1,
});

/** The fixes offered for one diagnostic (a range may touch several). */
export function fixesFor(a: ReturnType<typeof analyze>, d: Finding): QuickFix[] {
  return codeActions(a, rangeOf(d)).filter(
    (f) =>
      findingKey(f.diagnostic) === findingKey(d) && f.diagnostic.line === d.line && f.diagnostic.column === d.column,
  );
}

export function numberedFixes(text: string, parser: PythonParser): { findings: Finding[]; fixes: NumberedFix[] } {
  const a = analyze(text, parser);
  const findings = diagnostics(a);
  const fixes: NumberedFix[] = [];
  for (const d of findings)
    for (const fix of fixesFor(a, d))
      fixes.push({ n: fixes.length + 1, diagnostic: d, fix, fixed: applyEdits(text, a.lineStarts, fix.edits) });
  return { findings, fixes };
}
