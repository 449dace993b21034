/**
 * Deep syntax (thousands of nested brackets, operators, calls, subscripts,
 * lambdas, comprehensions, blocks) never overflows the stack and never
 * blinds the file: the statement is cut at `MAX_SYNTAX_DEPTH` with a note on
 * its line, and a program recorded with Keras, placed after it, keeps Keras's
 * rows, its hints, hover, diagram and quick fixes. Python itself refuses such
 * a statement (too many nested parentheses, a recursion error while
 * compiling), so the truth is the program's own recording, one line down.
 */

import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import {
  analyze,
  codeActions,
  diagnostics,
  fileDiagram,
  hover,
  inlayHints,
  summary,
  type Analysis,
} from '../../server/src/analysis';
import { dumpTree, MAX_SYNTAX_DEPTH } from '../../server/src/syntax/ast';
import { toAst } from '../../server/src/syntax/treeCopy';
import { loadPythonParser, type PythonParser } from '../../server/src/syntax/parser';
import { readProgramTruth, type ProgramTruth } from '../helpers/programs';
import { rangeOf } from '../helpers/fixes';
import { SHARED_TRUTH } from '../helpers/truth';

const N = 10_000;
const repeat = (s: string, n: number) => s.repeat(n);

/** One statement of each kind of deep syntax, past the depth any recursive walk could take. */
const DEEP: Record<string, string> = {
  'unary minus': `y = ${repeat('-', N)}1`,
  'unary minus (4,000)': `y = ${repeat('-', 4000)}1`,
  'binary operators': `y = ${Array(N).fill('1').join(' + ')}`,
  power: `y = ${Array(N).fill('2').join(' ** ')}`,
  'not operators': `y = ${repeat('not ', N)}True`,
  'boolean operators': `y = ${Array(N).fill('x').join(' and ')}`,
  parentheses: `y = ${repeat('(', N)}1${repeat(')', N)}`,
  lists: `y = ${repeat('[', N)}${repeat(']', N)}`,
  dicts: `y = ${repeat('{1: ', N)}1${repeat('}', N)}`,
  'calls (1,500)': `y = ${repeat('f(', 1500)}${repeat(')', 1500)}`,
  calls: `y = ${repeat('f(', N)}${repeat(')', N)}`,
  'method chain': `y = x${repeat('.f()', N)}`,
  subscripts: `y = x${repeat('[0]', N)}`,
  attributes: `y = x${repeat('.a', N)}`,
  lambdas: `y = ${repeat('lambda: ', N)}1`,
  'conditional expressions': `y = ${repeat('1 if x else ', N)}1`,
  comprehensions: `y = ${repeat('[v for v in ', 3000)}[1]${repeat(']', 3000)}`,
  'subscript target': `x${repeat('[0]', N)} = 1`,
  'nested if blocks (511)':
    Array.from({ length: 511 }, (_, i) => `${' '.repeat(i)}if x:`).join('\n') + `\n${' '.repeat(511)}pass`,
  'nested if blocks (1,000)':
    Array.from({ length: 1000 }, (_, i) => `${' '.repeat(i)}if x:`).join('\n') + `\n${' '.repeat(1000)}pass`,
  'nested functions':
    Array.from({ length: 1000 }, (_, i) => `${' '.repeat(i)}def f():`).join('\n') + `\n${' '.repeat(1000)}pass`,
  'a syntax error deep inside brackets': `y = ${repeat('(', N)}1 +${repeat(')', N)}`,
  'a syntax error deep inside calls': `y = ${repeat('f(', 3000)}1 +${repeat(')', 3000)}`,
};

/** Programs recorded with Keras: a functional one (diagram, hover) and one that raises (quick fixes). */
const PROGRAMS = ['functional_merge_layers.py', 'fail_stacked_lstm_no_return_sequences.py'];

/** Differences between the summary of `a` and `truth` with every line moved down by `shift`. */
function compareShifted(a: Analysis, truth: ProgramTruth, shift: number): string[] {
  const got = summary(a).map((m) => ({
    line: m.line,
    kind: m.kind,
    rows: m.layers.map((r) => `${r.class}@${r.line} ${JSON.stringify(r.output_shape)} ${r.params}`),
    total: m.total_params,
  }));
  const want = truth.models.map((m) => ({
    line: m.line + shift,
    kind: m.kind,
    rows: m.layers.map((r) => `${r.class}@${r.line + shift} ${JSON.stringify(r.output_shape)} ${r.params}`),
    total: m.total_params,
  }));
  try {
    assert.deepStrictEqual(got, want);
    return [];
  } catch (e) {
    return [(e as Error).message];
  }
}

describe('deep syntax: cut at a depth, never a stack overflow, the rest of the file keeps its hints', () => {
  let parser: PythonParser;
  before(async () => {
    parser = await loadPythonParser();
  });

  for (const [kind, statement] of Object.entries(DEEP)) {
    for (const program of PROGRAMS) {
      it(`${kind}, then ${program}`, () => {
        const file = path.join(SHARED_TRUTH, 'programs', program);
        const source = fs.readFileSync(file, 'utf8');
        const truth = readProgramTruth(file);
        const shift = statement.split('\n').length;
        const text = `${statement}\n${source}`;
        const started = Date.now();
        const a = analyze(text, parser);
        const found = diagnostics(a);
        const took = Date.now() - started;
        assert.ok(took < 1500, `took ${took} ms`);
        assert.deepStrictEqual(compareShifted(a, truth, shift), []);
        if (truth.error) {
          const errors = found.filter((d) => d.severity === 'error');
          assert.deepStrictEqual(
            errors.map((d) => d.line),
            [truth.error.line + shift],
          );
          // The quick fixes read the statements around the error (and the file's quotes and imports).
          const fixes = codeActions(a, rangeOf(errors[0]));
          assert.ok(fixes.length > 0, 'a quick fix for the error');
        } else {
          assert.deepStrictEqual(
            found.filter((d) => d.severity === 'error' || d.severity === 'warning'),
            [],
          );
        }
        // Every row's line has a hint, and the rows hover.
        const hinted = new Set(inlayHints(a).map((h) => h.line));
        const lines = text.split('\n');
        for (const m of truth.models)
          for (const r of m.layers) {
            if (r.output_shape === null) continue;
            const line = r.line + shift;
            assert.ok(hinted.has(line - 1), `a hint on line ${line}`);
            const col = lines[line - 1].indexOf(`${r.class}(`);
            if (col >= 0) assert.ok(hover(a, line - 1, col + 1), `a hover on line ${line}`);
          }
        for (const m of truth.models) assert.ok(fileDiagram(a, m.line + shift - 1).diagram, 'a diagram');
        // Where the statement nests past the depth, a note says so on its line.
        const stopped = found.filter((d) => d.code === 'analysis-stopped');
        assert.ok(
          stopped.every((d) => d.line <= shift && d.severity === 'hint'),
          JSON.stringify(stopped),
        );
      });
    }
  }

  it('a statement past the depth has the note on its line; one within it has none', () => {
    const deep = analyze(`y = ${repeat('-', N)}1\n`, parser);
    assert.ok(diagnostics(deep).some((d) => d.code === 'analysis-stopped' && d.line === 1 && d.severity === 'hint'));
    const shallow = analyze(`y = ${repeat('-', 100)}1\nz = y + 1\n`, parser);
    assert.deepStrictEqual(
      diagnostics(shallow).filter((d) => d.code === 'analysis-stopped'),
      [],
    );
  });

  it('the memory reader and the cursor cut deep trees alike', () => {
    for (const statement of Object.values(DEEP)) {
      const tree = parser.parse(statement);
      try {
        if (tree.rootNode.hasError) continue;
        const memory = dumpTree(toAst(tree, statement, 'memory'));
        const cursor = dumpTree(toAst(tree, statement, 'cursor'));
        assert.strictEqual(memory.length, cursor.length);
        assert.ok(memory.every((line, i) => line === cursor[i]));
        // The copy goes no deeper than the limit (two spaces of indentation a level, the module first).
        const deepest = Math.max(...memory.map((line) => line.length - line.trimStart().length)) / 2;
        assert.ok(deepest <= MAX_SYNTAX_DEPTH + 1, `depth ${deepest}`);
      } finally {
        tree.delete();
      }
    }
  });
});
