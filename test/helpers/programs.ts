/**
 * Comparing an analysis with a `programs/*.truth.json`: the models in order,
 * each row's class, output shape and parameter count, the totals, and the
 * error (an error diagnostic on the truth's line, and no other).
 */

import * as fs from 'fs';
import * as path from 'path';
import { analyze, diagnostics, summary } from '../../server/src/analysis';
import type { PythonParser } from '../../server/src/syntax/parser';

export interface ProgramTruth {
  models: Array<{
    line: number;
    kind: string;
    /** Null for a model that never ran Keras's `__init__` (recorded by test/truth/capture/record.py). */
    name: string | null;
    layers: Array<{ line: number; class: string; name: string; output_shape: unknown; params: number }>;
    total_params: number | null;
    trainable_params: number | null;
    non_trainable_params: number | null;
  }>;
  error: { line: number; type: string; message: string } | null;
}

/** The truth recorded for a program file (`NAME.py` -> `NAME.truth.json`). */
export function readProgramTruth(file: string): ProgramTruth {
  return JSON.parse(fs.readFileSync(file.replace(/\.py$/, '.truth.json'), 'utf8')) as ProgramTruth;
}

/** A truth shape as Keras prints it, written independently of the code under test: `(None, 15, 15, 12)`. */
export function kerasShapeText(shape: Array<number | null>): string {
  return `(${shape.map((d) => (d === null ? 'None' : String(d))).join(', ')}${shape.length === 1 ? ',' : ''})`;
}

/**
 * Whether a shape the analysis gives agrees with Keras's wherever it is known: `null` (not known at all) or a
 * `'?'` dimension agrees with anything; every other dimension, and the nesting, must be Keras's.
 */
function agreesWhereKnown(got: unknown, want: unknown): boolean {
  // A whole shape (where Keras has a shape or a list of them) may be unknown; a dimension that is `null` is `None`.
  if (got === '?' || (got === null && (want === null || Array.isArray(want)))) return true;
  if (Array.isArray(got))
    return Array.isArray(want) && got.length === want.length && got.every((g, i) => agreesWhereKnown(g, want[i]));
  return got === want;
}

/**
 * Whether a name the analysis gives is Keras's: a `?` in it stands for a part the analysis does not know
 * (`keras_tensor?CLONE`, a cloned input named after a tensor whose number, if any, is not followed).
 */
export function nameAgrees(got: string, want: string): boolean {
  if (!got.includes('?')) return got === want;
  const parts = got.split('?').map((p) => p.replace(/[.*+^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${parts.join('.*')}$`).test(want);
}

export function programFiles(dir: string): string[] {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.py') && fs.existsSync(path.join(dir, f.replace(/\.py$/, '.truth.json'))))
    .sort()
    .map((f) => path.join(dir, f));
}

/**
 * Every difference between the analysis of `file` and its truth, as readable
 * lines. With `unknownAllowed`, a row or total the analysis leaves unknown
 * (null) is not a difference, but any value it does give must be Keras's.
 * With `messages`, the error's text must be Keras's too.
 */
export function compareProgram(file: string, parser: PythonParser, unknownAllowed = false, messages = false): string[] {
  const truth = readProgramTruth(file);
  const a = analyze(fs.readFileSync(file, 'utf8'), parser);
  const got = summary(a);
  const problems: string[] = [];
  const n = Math.max(truth.models.length, got.length);
  for (let i = 0; i < n; i++) {
    const t = truth.models[i];
    const g = got[i];
    if (!t || !g) {
      problems.push(
        `model ${i}: expected ${t ? `${t.kind} at line ${t.line}` : 'none'}, got ${g ? `${g.kind} at line ${g.line}` : 'none'}`,
      );
      continue;
    }
    const where = `model ${i} (${t.kind}, line ${t.line})`;
    if (t.kind !== g.kind || t.line !== g.line) problems.push(`${where}: got ${g.kind} at line ${g.line}`);
    if (g.name === null || t.name === null ? g.name !== t.name : !nameAgrees(g.name, t.name))
      problems.push(`${where}: named ${JSON.stringify(g.name)}, Keras ${JSON.stringify(t.name)}`);
    const rows = Math.max(t.layers.length, g.layers.length);
    for (let r = 0; r < rows; r++) {
      const tr = t.layers[r];
      const gr = g.layers[r];
      const tText = tr ? `${tr.class}@${tr.line} ${JSON.stringify(tr.output_shape)} ${tr.params}` : 'none';
      const gText = gr ? `${gr.class}@${gr.line} ${JSON.stringify(gr.output_shape)} ${gr.params}` : 'none';
      const unknownRow =
        unknownAllowed &&
        gr &&
        tr &&
        gr.class === tr.class &&
        gr.line === tr.line &&
        agreesWhereKnown(gr.output_shape, tr.output_shape) &&
        (gr.params === null || gr.params === tr.params);
      if (tText !== gText && !unknownRow) problems.push(`${where} row ${r}: expected ${tText}, got ${gText}`);
      else if (tr && gr && !nameAgrees(gr.name, tr.name))
        problems.push(
          `${where} row ${r} (${tr.class}@${tr.line}): named ${JSON.stringify(gr.name)}, Keras ${JSON.stringify(tr.name)}`,
        );
    }
    for (const k of ['total_params', 'trainable_params', 'non_trainable_params'] as const) {
      if (t[k] !== g[k] && !(unknownAllowed && g[k] === null))
        problems.push(`${where} ${k}: expected ${t[k]}, got ${g[k]}`);
    }
  }
  const errors = diagnostics(a).filter((d) => d.severity === 'error');
  if (truth.error) {
    if (!errors.some((d) => d.line === truth.error!.line)) {
      problems.push(
        `expected an error diagnostic on line ${truth.error.line} (${truth.error.type}: ${truth.error.message}), got ${JSON.stringify(errors.map((d) => `${d.line}: ${d.message}`))}`,
      );
    }
  }
  // Keras's message, word for word (the recording may cut a long message short; Shape Lens's hint follows it).
  if (truth.error && messages) {
    const strip = (t: string) => t.replace(/\x1b\[[0-9;]*m/g, '');
    const want = strip(truth.error.message);
    const raised = a.interpretation.error;
    const got = raised ? strip(raised.message) : '';
    if (raised && raised.pyType !== truth.error.type)
      problems.push(`line ${truth.error.line}: Keras raises ${truth.error.type}, got ${raised.pyType}`);
    // Where Keras quotes the backend's own exception after its text ("Exception encountered:" and JAX's
    // words), Shape Lens writes Keras's part only.
    const backendQuoted =
      got.length > 0 && want.startsWith(got) && want.slice(got.length).startsWith('\nException encountered:');
    if (!(got.length > 0 && (got.startsWith(want) || backendQuoted)))
      problems.push(`line ${truth.error.line}: Keras says ${JSON.stringify(want)}, got ${JSON.stringify(got)}`);
  }
  const stray = errors.filter((d) => !truth.error || d.line !== truth.error.line);
  for (const d of stray) problems.push(`unexpected error diagnostic at line ${d.line}: ${d.message}`);
  return problems;
}
