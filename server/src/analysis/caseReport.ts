/**
 * Agreement of the engine with a file of single-layer truth cases: counts,
 * per-class rows and the list of disagreements, plus the timing of the
 * engine's own work.
 */

import type { PythonParser } from '../syntax/parser';
import { answerCase, expectedOf, judge, type CaseAnswer, type LayerCase } from './layerCases';

export interface Disagreement {
  id: string;
  expected: CaseAnswer;
  got: CaseAnswer;
}

export interface ClassRow {
  layer: string;
  cases: number;
  agree_outcome: number;
  agree_shape: number;
  agree_params: number;
  /** Cases where Keras raised, and those of them the engine raised at the same stage, with Keras's message. */
  errors: number;
  agree_stage: number;
  agree_message: number;
}

export interface CaseReport {
  cases: number;
  agree_outcome: number;
  agree_shape: number;
  agree_params: number;
  errors: number;
  agree_stage: number;
  agree_message: number;
  disagreements: Disagreement[];
  malformed: Array<{ line: number; message: string }>;
  classes: ClassRow[];
  engine_ms: number;
}

/** Parses JSON Lines; a malformed line is reported with its 1-based number and skipped. */
export function readCases(text: string): { cases: LayerCase[]; malformed: Array<{ line: number; message: string }> } {
  const cases: LayerCase[] = [];
  const malformed: Array<{ line: number; message: string }> = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    if (raw.trim() === '') return;
    try {
      const c = JSON.parse(raw) as LayerCase;
      if (typeof c !== 'object' || c === null || typeof c.code !== 'string' || typeof c.layer !== 'string') {
        throw new Error('a case needs "layer" and "code" strings');
      }
      if (!Array.isArray(c.input_shape) && !Array.isArray(c.input_shapes))
        throw new Error('a case needs "input_shape" or "input_shapes"');
      c.id ??= `line ${i + 1}`;
      cases.push(c);
    } catch (e) {
      malformed.push({ line: i + 1, message: e instanceof Error ? e.message : String(e) });
    }
  });
  return { cases, malformed };
}

export function checkCases(cases: LayerCase[], parser: PythonParser): CaseReport {
  const report: CaseReport = {
    cases: 0,
    agree_outcome: 0,
    agree_shape: 0,
    agree_params: 0,
    errors: 0,
    agree_stage: 0,
    agree_message: 0,
    disagreements: [],
    malformed: [],
    classes: [],
    engine_ms: 0,
  };
  const rows = new Map<string, ClassRow>();
  const start = process.hrtime.bigint();
  for (const c of cases) {
    const got = answerCase(c, parser);
    const v = judge(c, got);
    const row = rows.get(c.layer) ?? {
      layer: c.layer,
      cases: 0,
      agree_outcome: 0,
      agree_shape: 0,
      agree_params: 0,
      errors: 0,
      agree_stage: 0,
      agree_message: 0,
    };
    rows.set(c.layer, row);
    for (const r of [report, row]) {
      r.cases++;
      r.agree_outcome += Number(v.outcome);
      r.agree_shape += Number(v.shape);
      r.agree_params += Number(v.params);
      if (c.error) {
        r.errors++;
        r.agree_stage += Number(v.stage);
        r.agree_message += Number(v.message);
      }
    }
    if (!(v.outcome && v.shape && v.params && v.stage && v.message))
      report.disagreements.push({ id: c.id, expected: expectedOf(c), got });
  }
  report.engine_ms = Number(process.hrtime.bigint() - start) / 1e6;
  report.classes = [...rows.values()].sort((a, b) => a.layer.localeCompare(b.layer));
  return report;
}

/** The per-class agreement table as text; stage and message are out of the cases where Keras raised. */
export function formatCaseTable(report: CaseReport): string {
  const pct = (n: number, d: number) => (d === 0 ? '-' : `${((100 * n) / d).toFixed(1)}%`);
  const lines = [
    `${'class'.padEnd(28)} ${'cases'.padStart(5)} ${'outcome'.padStart(8)} ${'shape'.padStart(8)} ${'params'.padStart(8)} ${'errors'.padStart(6)} ${'stage'.padStart(8)} ${'message'.padStart(8)}`,
  ];
  for (const r of [...report.classes, { layer: 'ALL', ...report }]) {
    lines.push(
      `${r.layer.padEnd(28)} ${String(r.cases).padStart(5)} ${pct(r.agree_outcome, r.cases).padStart(8)} ${pct(r.agree_shape, r.cases).padStart(8)} ${pct(r.agree_params, r.cases).padStart(8)} ` +
        `${String(r.errors).padStart(6)} ${pct(r.agree_stage, r.errors).padStart(8)} ${pct(r.agree_message, r.errors).padStart(8)}`,
    );
  }
  return lines.join('\n');
}
