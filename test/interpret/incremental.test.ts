/**
 * The language server's analysis resumes runs made ahead of time
 * (`interpret/incremental/`); what it answers must be what a run from the
 * top answers. Random edit sequences (seeded) on recorded programs and on
 * the benchmarks' generated files: a digit of a layer's argument changed,
 * a statement inserted (a copy of another line), a line deleted, a blank
 * line inserted (every statement below moves), a character that breaks the
 * syntax, and undoing the last edit. Between edits the run ahead gets a
 * random part of its work done. After every edit the incremental analysis
 * and a fresh one of the same module must agree on every hint, every hover
 * text (at each layer, array and line start), every diagnostic and the
 * `summary --json` object (models, rows, the error).
 */

import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import {
  analyzeModule,
  diagnostics,
  hover,
  IncrementalInterpreter,
  inlayHints,
  summaryJson,
  type Analysis,
} from '../../server/src/analysis';
import { DocumentSyntax } from '../../server/src/syntax/chunks';
import { loadPythonParser, type PythonParser } from '../../server/src/syntax/parser';
import { programFiles } from '../helpers/programs';
import { LOCAL_TRUTH, REPO_ROOT } from '../helpers/truth';
import { manyModelsFile, modelFile, sequentialChainFile } from '../../scripts/bench-files';

function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}

/** Every answer of an analysis, as plain data. */
function answers(a: Analysis): Record<string, unknown> {
  const places = new Set<string>();
  for (const l of a.interpretation.layers) places.add(`${l.span.startLine}:${l.span.startCol}`);
  for (const r of a.interpretation.arrays) places.add(`${r.span.startLine}:${r.span.startCol}`);
  a.text.split('\n').forEach((line, i) => places.add(`${i}:${line.length - line.trimStart().length}`));
  const hovers = [...places].sort().map((p) => {
    const [line, col] = p.split(':').map(Number);
    return [p, hover(a, line, col)?.markdown];
  });
  return {
    hints: inlayHints(a),
    diagnostics: diagnostics(a),
    summary: summaryJson(a),
    hovers,
    incomplete: a.interpretation.incomplete,
    imports: a.interpretation.imports,
  };
}

/** A random edit of `text`: [start, end, inserted]. */
function randomEdit(text: string, rand: () => number): [number, number, string] {
  const lines = text.split('\n');
  const starts: number[] = [];
  let at = 0;
  for (const l of lines) {
    starts.push(at);
    at += l.length + 1;
  }
  const pick = () => Math.floor(rand() * lines.length);
  const kind = rand();
  if (kind < 0.35) {
    // A digit inside a call's arguments.
    for (let tries = 0; tries < 20; tries++) {
      const i = pick();
      const m = [...lines[i].matchAll(/\d/g)].filter((d) => lines[i].lastIndexOf('(', d.index) >= 0);
      if (m.length === 0) continue;
      const d = m[Math.floor(rand() * m.length)];
      const s = starts[i] + d.index!;
      return [s, s + 1, String(Math.floor(rand() * 10))];
    }
  }
  // The lines that begin a top-level statement.
  const tops = lines.map((l, i) => (/^[A-Za-z_]/.test(l) ? i : -1)).filter((i) => i >= 0);
  if (kind < 0.5) {
    // A copy of a one-line top-level statement inserted before another.
    const from = tops.filter((i) => !lines[i].endsWith(':') && !/[([{,\\]$/.test(lines[i]));
    if (from.length > 0) {
      const line = lines[from[Math.floor(rand() * from.length)]];
      const before = from[Math.floor(rand() * from.length)];
      return [starts[before], starts[before], `${line}\n`];
    }
  }
  if (kind < 0.6) {
    const i = pick();
    return [starts[i], Math.min(text.length, starts[i] + lines[i].length + 1), ''];
  }
  if (kind < 0.8) {
    // A blank line: every statement below it moves down, unchanged.
    const i = tops.length > 0 && rand() < 0.7 ? tops[Math.floor(rand() * tops.length)] : pick();
    return [starts[i], starts[i], '\n'];
  }
  const i = pick();
  const s = starts[i] + Math.floor(rand() * (lines[i].length + 1));
  return [s, s, '([{:=,"'[Math.floor(rand() * 7)]];
}

function applyEdit(text: string, [s, e, ins]: [number, number, string]): string {
  return text.slice(0, s) + ins + text.slice(e);
}

/** The incremental analysis of each edit agrees with a fresh one; returns the statements it did not run again. */
function compareEdits(parser: PythonParser, source: string, seed: number, edits: number): number {
  const rand = lcg(seed);
  const syntax = new DocumentSyntax(parser, source);
  const runs = new IncrementalInterpreter(1);
  let text = source;
  /** Each edit made: where, what it inserted, what it replaced. */
  const history: Array<{ at: number; inserted: string; replaced: string }> = [];
  for (let step = 0; step <= edits; step++) {
    if (step > 0) {
      let edit: [number, number, string];
      const last = history[history.length - 1];
      if (last && rand() < 0.25) {
        history.pop();
        edit = [last.at, last.at + last.inserted.length, last.replaced];
      } else {
        edit = randomEdit(text, rand);
        history.push({ at: edit[0], inserted: edit[2], replaced: text.slice(edit[0], edit[1]) });
      }
      // The run ahead gets some of its work done, as idle moments before the edit would allow (the
      // language server brings the syntax up to date only when the next analysis asks).
      const slices = Math.floor(rand() * 4) === 0 ? 10_000 : Math.floor(rand() * 40);
      for (let i = 0; i < slices && runs.pending; i++) runs.step(0);
      text = applyEdit(text, edit);
      syntax.edit(edit[0], edit[1], edit[2]);
    }
    const module = syntax.module();
    const incremental = analyzeModule(module, syntax.source, syntax.lines, undefined, undefined, runs);
    const full = analyzeModule(module, syntax.source, syntax.lines);
    assert.equal(syntax.source, text);
    assert.deepStrictEqual(answers(incremental), answers(full), `seed ${seed}, edit ${step}`);
  }
  return runs.stats.skipped;
}

describe('incremental analysis against a run from the top', function () {
  this.timeout(600_000);
  let parser: PythonParser;
  before(async () => {
    parser = await loadPythonParser();
  });

  const programs = programFiles(path.join(LOCAL_TRUTH, 'programs'));
  const largest = [...programs].sort((a, b) => fs.statSync(b).size - fs.statSync(a).size).slice(0, 8);
  const failing = programs.filter((f) => path.basename(f).startsWith('fail_')).slice(0, 4);
  const data = programFiles(path.join(LOCAL_TRUTH, 'data-programs')).slice(0, 3);
  for (const file of [...largest, ...failing, ...data]) {
    it(path.relative(REPO_ROOT, file), () => {
      const source = fs.readFileSync(file, 'utf8');
      let skipped = 0;
      for (const seed of [1, 2]) skipped += compareEdits(parser, source, seed * 7919 + source.length, 25);
      assert.ok(skipped > 0, 'some runs resumed a run made ahead');
    });
  }

  const generated: Array<[string, string]> = [
    ['a functional chain (npm run bench)', modelFile(300)],
    ['one Sequential built by model.add lines', sequentialChainFile(300)],
    ['many small models', manyModelsFile(300)],
  ];
  for (const [name, source] of generated) {
    it(`generated: ${name}`, () => {
      const skipped = compareEdits(parser, source, 4242, 30);
      assert.ok(skipped > 0, 'some runs resumed a run made ahead');
    });
  }

  /** Runs `source`, edits `first` (the run ahead then covers what is above it), runs ahead fully, edits `second`. */
  function afterTwoEdits(source: string, first: [string, string], second: [string, string]) {
    let text = source;
    const syntax = new DocumentSyntax(parser, text);
    const runs = new IncrementalInterpreter(1);
    const analyse = (incremental: boolean) =>
      analyzeModule(syntax.module(), syntax.source, syntax.lines, undefined, undefined, incremental ? runs : undefined);
    analyse(true);
    for (const [i, [from, to]] of [first, second].entries()) {
      if (i === 1) while (runs.pending) runs.step(1000);
      const at = text.indexOf(from);
      assert.ok(at >= 0, from);
      syntax.edit(at, at + from.length, to);
      text = text.slice(0, at) + to + text.slice(at + from.length);
      if (i === 0) analyse(true);
    }
    return { incremental: analyse(true), full: analyse(false), stats: runs.stats };
  }

  it('statements run ahead that a blank line above them moved are run again', () => {
    const { incremental, full, stats } = afterTwoEdits(
      manyModelsFile(60),
      ['layers.Dense(11)', 'layers.Dense(12)'],
      ['inputs_0 = ', '\ninputs_0 = '],
    );
    assert.deepStrictEqual(answers(incremental), answers(full));
    assert.equal(stats.dropped, 1);
  });

  it('a fit run ahead is run again when the only compile below it is deleted', () => {
    const source = [
      'import keras',
      'import numpy as np',
      'x = np.zeros((8, 4))',
      'y = np.zeros((8, 2))',
      'model = keras.Sequential([keras.Input((4,)), keras.layers.Dense(2)])',
      'model.fit(x, y)',
      'other = keras.Sequential([keras.Input((3,)), keras.layers.Dense(5)])',
      'model.compile(optimizer="adam", loss="mse")',
      '',
    ].join('\n');
    const { incremental, full, stats } = afterTwoEdits(
      source,
      ['Dense(5)', 'Dense(6)'],
      ['model.compile(optimizer="adam", loss="mse")', ''],
    );
    assert.ok(full.interpretation.error, 'fit before any compile raises');
    assert.deepStrictEqual(answers(incremental), answers(full));
    assert.equal(stats.dropped, 1);
  });
});
