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
import type { ResumeStats } from '../../server/src/interpret';
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

/**
 * Statements that reach across the groups of statements that share no names (`incremental/groups.ts`):
 * `{a}`, `{b}` are names the file binds at its top level, `{n}` a number. A layer made without a name
 * draws Keras's name counters (every later model's names move), a name of one model read by another
 * joins their groups, a Keras error changes how every later statement runs, the global configuration
 * changes every later layer, an uncalled function runs after the file.
 */
const COUPLING = [
  'extra_{n} = layers.Dense({n})',
  'extra_{n} = layers.Conv2D({n}, 3, padding="same")',
  'named_{n} = layers.Dense(3, name="dense_{n}")',
  '{a} = {b}',
  'mixed_{n} = layers.Dense(4)({a})',
  'bad_{n} = layers.Reshape((7, 5))({a})',
  'bad_{n} = layers.Dense(2)(keras.Input(shape=(3,)), mask=5)',
  'keras.config.set_image_data_format("channels_first")',
  'print({a}.output_shape)',
  'def make_{n}():\n    return layers.Dense({n})({a})',
  'def make_{n}():\n    return keras.Sequential([keras.Input((4,)), layers.Dense({n})])',
  'def use_{n}():\n    return {a}(keras.Input(shape=(8, 8, 3)))',
  '{a}.summary()',
  'del {a}',
];

/** One of `COUPLING`, filled in, as a line of its own before a top-level statement of `text`. */
function couplingEdit(text: string, rand: () => number): [number, number, string] {
  const lines = text.split('\n');
  const names = [...new Set([...text.matchAll(/^([A-Za-z_]\w*) = /gm)].map((m) => m[1]))];
  const any = () => names[Math.floor(rand() * names.length)] ?? 'x';
  const stmt = COUPLING[Math.floor(rand() * COUPLING.length)]
    .replace(/\{a\}/g, any())
    .replace(/\{b\}/g, any())
    .replace(/\{n\}/g, String(1 + Math.floor(rand() * 40)));
  const tops = lines.map((l, i) => (/^[A-Za-z_]/.test(l) ? i : -1)).filter((i) => i > 2);
  const line = tops.length > 0 ? tops[Math.floor(rand() * tops.length)] : lines.length - 1;
  let at = 0;
  for (let i = 0; i < line; i++) at += lines[i].length + 1;
  return [at, at, `${stmt}\n`];
}

/** A random edit of `text`: [start, end, inserted]. */
function randomEdit(text: string, rand: () => number, coupling = false): [number, number, string] {
  if (coupling && rand() < 0.3) return couplingEdit(text, rand);
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

/**
 * The incremental analysis of each edit agrees with a fresh one; returns the statements it did not run
 * again (taken over from a run made ahead, or kept with their group from the last analysis).
 */
function compareEdits(
  parser: PythonParser,
  source: string,
  seed: number,
  edits: number,
  coupling = false,
  stats?: ResumeStats,
): number {
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
        edit = randomEdit(text, rand, coupling);
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
  if (stats) for (const k of Object.keys(stats) as Array<keyof ResumeStats>) stats[k] += runs.stats[k];
  return runs.stats.skipped + runs.stats.kept;
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

  it('generated: many small models, with edits that reach across their groups', () => {
    const stats: ResumeStats = { runs: 0, resumed: 0, skipped: 0, dropped: 0, groupRuns: 0, kept: 0, ran: 0 };
    for (const [seed, size] of [
      [11, 120],
      [12, 200],
      [13, 300],
      [14, 120],
      [15, 400],
      [16, 200],
    ])
      compareEdits(parser, manyModelsFile(size), seed, 40, true, stats);
    // Not vacuous: many analyses ran a few groups only (an edit that moves the lines below it runs
    // them again), and some fell back to a run from the top.
    assert.ok(stats.groupRuns > stats.runs / 10, JSON.stringify(stats));
    assert.ok(stats.kept > 10 * stats.groupRuns, JSON.stringify(stats));
    assert.ok(stats.groupRuns < stats.runs - 12, JSON.stringify(stats));
  });

  for (const file of [...largest.slice(0, 3), ...data.slice(0, 2)]) {
    it(`${path.relative(REPO_ROOT, file)}, with edits that reach across groups`, () => {
      const source = fs.readFileSync(file, 'utf8');
      compareEdits(parser, source, 77 + source.length, 25, true);
    });
  }

  /** Analyses `source`, then `edited` (one edit that turns the first into the second), both ways. */
  function oneEdit(source: string, from: string, to: string) {
    const syntax = new DocumentSyntax(parser, source);
    const runs = new IncrementalInterpreter(1_000_000);
    analyzeModule(syntax.module(), syntax.source, syntax.lines, undefined, undefined, runs);
    const at = source.indexOf(from);
    assert.ok(at >= 0, from);
    syntax.edit(at, at + from.length, to);
    const before = { ...runs.stats };
    const incremental = analyzeModule(syntax.module(), syntax.source, syntax.lines, undefined, undefined, runs);
    const full = analyzeModule(syntax.module(), syntax.source, syntax.lines);
    assert.deepStrictEqual(answers(incremental), answers(full));
    return {
      ran: runs.stats.ran - before.ran,
      kept: runs.stats.kept - before.kept,
      statements: syntax.module().namedChildren.length,
      full,
    };
  }

  it('an edit inside one model of a file of many runs that model and the imports only', () => {
    const source = manyModelsFile(300);
    const { ran, kept, statements } = oneEdit(source, 'layers.Dense(11)', 'layers.Dense(12)');
    // The Sequential of `layers.Dense(11)` is one statement; the two imports run in every run.
    assert.equal(ran, 3);
    assert.equal(kept, statements - 3);
  });

  it('a layer added without a name moves every later name: the file runs from the top', () => {
    const source = manyModelsFile(100);
    const r = oneEdit(source, '    layers.Dense(11),', '    layers.Dense(11), layers.Dense(3),');
    assert.equal(r.kept, 0);
  });

  it('a layer added below every other layer moves no other name (of layers or KerasTensors)', () => {
    const source = manyModelsFile(100);
    const last = source.lastIndexOf('layers.Flatten(),');
    const r = oneEdit(
      source.slice(0, last) + source.slice(last).replace('layers.Flatten(),', 'layers.Flatten(), '),
      'layers.Flatten(), ',
      'layers.Flatten(), layers.Flatten(),',
    );
    assert.equal(r.ran, 3);
  });

  it('a statement added on a line of its own moves the statements below: they run again', () => {
    const source = manyModelsFile(100);
    const last = source.slice(source.lastIndexOf('\nmodel_'));
    const r = oneEdit(source, last, `\nmine = 1${last}`);
    // The imports, the new statement and the last model (one statement) run.
    assert.equal(r.ran, 4);
    assert.equal(r.kept, r.statements - 4);
    // A line inserted above every model runs them all again (from the top: too little is kept).
    assert.equal(oneEdit(source, '\nmodel_1 = ', '\nmine = 1\nmodel_1 = ').kept, 0);
  });

  it('an error in one model changes how every later statement runs: the file runs from the top', () => {
    const source = manyModelsFile(100);
    const r = oneEdit(source, 'layers.Dense(11)', 'layers.Reshape((7, 7))');
    assert.ok(r.full.interpretation.error, 'Keras raises');
    assert.equal(r.kept, 0);
  });

  it('a function never called runs again after the file whenever it made something there', () => {
    const source = `${manyModelsFile(100)}def make():\n    return keras.Sequential([keras.Input((4,)), layers.Dense(5)])\n`;
    // Its run after the file draws counters after every model's: it runs again with any group.
    assert.equal(oneEdit(source, 'layers.Dense(11)', 'layers.Dense(12)').ran, 4);
    assert.equal(oneEdit(source, 'layers.Dense(5)', 'layers.Dense(6)').ran, 3);
    const quiet = `${manyModelsFile(100)}def noted():\n    return 3\n`;
    assert.equal(oneEdit(quiet, 'layers.Dense(11)', 'layers.Dense(12)').ran, 3);
  });

  it('past half the step budget, groups are kept only while no function is left uncalled', () => {
    // Past 50,000 steps the functions the file never calls are not run.
    const burn = Array.from({ length: 15 }, (_, i) => `for j_${i} in range(999):\n    k_${i} = j_${i} * 2\n`).join('');
    const source = manyModelsFile(100) + burn;
    assert.equal(oneEdit(source, 'layers.Dense(11)', 'layers.Dense(12)').ran, 3);
    assert.equal(oneEdit(`${source}def later():\n    return 3\n`, 'layers.Dense(11)', 'layers.Dense(12)').kept, 0);
  });

  it('a model called on tensors stops the count of KerasTensor names for every later statement: the file runs from the top', () => {
    const source = `${manyModelsFile(100)}called = model_0(keras.Input(shape=(16, 16, 3)))\n`;
    assert.equal(oneEdit(source, 'layers.Dense(11)', 'layers.Dense(12)').kept, 0);
  });

  it('two models joined by a name run together', () => {
    const source = manyModelsFile(100);
    const r = oneEdit(source, 'model_1 = keras.Sequential([', 'model_1 = [model_0] and keras.Sequential([');
    // model_0's seven statements, model_1's one, the imports.
    assert.equal(r.ran, 10);
    assert.ok(r.kept > 0);
  });

  it('the global configuration changed by a statement: the file runs from the top', () => {
    const source = manyModelsFile(100);
    const r = oneEdit(source, '\nmodel_1 = ', '\nkeras.config.set_image_data_format("channels_first")\nmodel_1 = ');
    assert.equal(r.kept, 0);
  });

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
