/**
 * The file commands: `summary` (what model.summary() would print) and `check`
 * (diagnostics for CI, as text, JSON or SARIF). Both take files and folders;
 * exit codes: 0 nothing wrong, 1 Keras would raise (an error diagnostic),
 * 2 bad usage or a path that could not be read (the run is incomplete).
 */

import { summary, summaryJson, type NotebookFinding } from '../analysis';
import { formatSummaryTable } from '../analysis/summary';
import { loadPythonParser, type PythonParser } from '../syntax/parser';
import { analyseFile, locationText, type FileResult } from './analyse';
import { expandPaths, InputError, type SourceFile } from './inputs';
import { oneOf, parseOptions, UsageError } from './options';
import { progress } from './progress';
import { sarifLog } from './sarif';

export const SUMMARY_USAGE = `usage: shape-lens summary [--json] [--timing] [--] PATH...

  What model.summary() would print for every model each file builds, without
  running it, then the file's diagnostics. PATH is a .py file, a .ipynb
  notebook (its code cells in order, read as IPython reads them) or a folder
  (walked as check walks it).

  --json     one JSON array, one object per file: file, models, error, diagnostics
  --timing   each file's analysis time on stderr

  Exit code: 0, or 1 where Keras would raise while building a model (the
  file's "error"), or 2 on bad usage or a path that cannot be read.`;

export const CHECK_USAGE = `usage: shape-lens check [--format text|json|sarif] [--] PATH...

  Diagnostics for every .py file and .ipynb notebook under PATH (files or
  folders), for CI: where Keras would raise (errors), and likely mistakes it
  accepts (warnings, notes). Folders are walked without the files their
  .gitignore files ignore, virtual environments (pyvenv.cfg, conda-meta),
  .git, node_modules, __pycache__ and .ipynb_checkpoints.

  --format text    file:line:column: severity [code] message (default);
                   in a notebook, file:cell N:line:column (cells counted from 1)
  --format json    one object: version, files [{file, diagnostics}], unreadable, counts
  --format sarif   SARIF 2.1.0, for code-scanning tools

  Exit code: 0 when no error is found, 1 when one is (warnings and notes do
  not fail a run), 2 on bad usage or when a path cannot be read.`;

/** Reads and analyses each file, reporting unreadable ones on stderr; the progress line is drawn meanwhile. */
async function analyseAll(
  paths: string[],
  usage: string,
  each?: (r: FileResult, parser: PythonParser) => void,
): Promise<{ results: FileResult[]; unreadable: InputError[] }> {
  if (paths.length === 0) throw new UsageError('no PATH given', usage);
  const entries = expandPaths(paths);
  const files = entries.filter((e): e is SourceFile => !(e instanceof InputError));
  const parser = files.length > 0 ? await loadPythonParser() : undefined;
  const results: FileResult[] = [];
  const unreadable: InputError[] = [];
  const bar = progress(files.length);
  for (const entry of entries) {
    if (entry instanceof InputError) {
      unreadable.push(entry);
      continue;
    }
    bar.next(entry.path);
    try {
      const r = analyseFile(entry, parser!);
      results.push(r);
      if (each) {
        bar.pause(); // findings printed as they come must not land on the progress line
        each(r, parser!);
      }
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      unreadable.push(e);
    }
  }
  bar.done();
  for (const e of unreadable) process.stderr.write(`shape-lens: ${e.message}\n`);
  return { results, unreadable };
}

export async function summaryCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseOptions(
    args,
    { json: { type: 'boolean' }, timing: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
    SUMMARY_USAGE,
  );
  if (values.help) return help(SUMMARY_USAGE);
  const json: Record<string, unknown>[] = [];
  let kerasError = false;
  const { unreadable } = await analyseAll(positionals, SUMMARY_USAGE, (r) => {
    const a = r.analysis;
    if (a.interpretation.error) kerasError = true;
    if (values.timing) {
      process.stderr.write(`${r.file.path}: analysis ${a.analysisMs.toFixed(1)} ms (${a.lineStarts.length} lines)\n`);
    }
    if (values.json) {
      json.push(summaryJson(a, r.file.path, r.notebook));
      return;
    }
    const models = summary(a);
    if (models.length === 0) process.stdout.write(`${r.file.path}: no Keras model found\n`);
    for (const m of models) {
      const at = r.notebook ? placeLine(r, m.line) : { line: m.line };
      process.stdout.write(`${formatSummaryTable(m, r.file.path, locationText(r, at))}\n\n`);
    }
    for (const d of r.findings) process.stdout.write(`${findingText(r, d)}\n`);
  });
  if (values.json) process.stdout.write(`${JSON.stringify(json)}\n`);
  return unreadable.length > 0 ? 2 : kerasError ? 1 : 0;
}

function placeLine(r: FileResult, line: number): { line: number; cell?: number; cellLine?: number } {
  const at = r.notebook!.lines[line - 1];
  return at ? { line, cell: at.cell, cellLine: at.line + 1 } : { line };
}

function findingText(r: FileResult, d: NotebookFinding): string {
  return `${locationText(r, d)}: ${d.severity} [${d.code}] ${d.message}`;
}

const FORMATS = ['text', 'json', 'sarif'] as const;

export async function checkCommand(args: string[], version: string): Promise<number> {
  const { values, positionals } = parseOptions(
    args,
    { format: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    CHECK_USAGE,
  );
  if (values.help) return help(CHECK_USAGE);
  const format = oneOf('format', values.format ?? 'text', FORMATS, CHECK_USAGE);
  const { results, unreadable } = await analyseAll(positionals, CHECK_USAGE, (r) => {
    if (format === 'text') for (const d of r.findings) process.stdout.write(`${findingText(r, d)}\n`);
  });
  const all = results.flatMap((r) => r.findings);
  const counts = {
    files: results.length,
    errors: all.filter((d) => d.severity === 'error').length,
    warnings: all.filter((d) => d.severity === 'warning').length,
    notes: all.filter((d) => d.severity === 'info' || d.severity === 'hint').length,
    unreadable: unreadable.length,
  };
  if (format === 'json') {
    const out = {
      version,
      files: results.map((r) => ({ file: r.file.path, kind: r.file.kind, diagnostics: r.findings })),
      unreadable: unreadable.map((e) => ({ file: e.file, reason: e.reason })),
      counts,
    };
    process.stdout.write(`${JSON.stringify(out)}\n`);
  } else if (format === 'sarif') {
    process.stdout.write(`${JSON.stringify(sarifLog(results, unreadable, version), null, 1)}\n`);
  } else {
    const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
    const tail = unreadable.length > 0 ? `; ${plural(unreadable.length, 'path')} could not be read` : '';
    process.stdout.write(
      `${plural(counts.files, 'file')} checked: ${plural(counts.errors, 'error')}, ${plural(counts.warnings, 'warning')}, ${plural(counts.notes, 'note')}${tail}\n`,
    );
  }
  return unreadable.length > 0 ? 2 : counts.errors > 0 ? 1 : 0;
}

function help(usage: string): number {
  process.stdout.write(`${usage}\n`);
  return 0;
}

export type { SourceFile };
