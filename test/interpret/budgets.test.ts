/**
 * Hostile plain Python (values that double on every line, huge ranges,
 * shared structure compared, sorts in a loop, a loop that spends the file's
 * budget, strings of huge widths, joins and `str()` of huge lists, nested
 * comprehensions, `keras.applications` networks built in a loop): the analysis finishes quickly, a note on the line says where it
 * stopped following a value, and the model defined after it still gets
 * Keras's rows (`test/truth/hostile/`, recorded with Keras).
 */

import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { analyze, diagnostics } from '../../server/src/analysis';
import { loadPythonParser, type PythonParser } from '../../server/src/syntax/parser';
import { compareProgram, programFiles } from '../helpers/programs';

const DIR = path.join(__dirname, '..', 'truth', 'hostile');

/** The line (1-based) a note is expected on: the line of the statement that makes the value grow past its limit. */
const NOTE_LINE: Record<string, RegExp | null> = {
  list_doubling: /x = x \+ x/,
  list_augmented_doubling: /x \+= x/,
  list_extend_doubling: /x\.extend\(x\)/,
  tuple_splat_doubling: /\*x, \*x/,
  string_doubling: /s = s \+ s/,
  comprehension_of_ranges: /list\(range/,
  // Each level doubles what a walk over the value meets (printing it, flattening it as a layer's inputs):
  // past `LIMITS.nestedItems` it is unknown, noted where it is made.
  shared_structure_compare: /x = \[x, x\]/,
  sort_in_loop: /sorted\(L\)/,
  steps_spent: /^for _ in range\(50\)/,
  format_width: /f"\{x:>100000000\}"/,
  join_huge: /",".join/,
  str_of_huge_list: /str\(grid\)/,
  // The file's step budget runs out in the comprehension: it is unknown, with the note on its statement.
  nested_comprehension: /^cube = /,
  // A dict comprehension is followed as a list comprehension is: its range past the size budget is noted.
  dict_comprehension_huge: /^squares = /,
  applications_in_loop: /keras\.applications\.EfficientNetB7/,
};

describe('budgets: hostile plain Python', () => {
  let parser: PythonParser;
  before(async () => {
    parser = await loadPythonParser();
  });

  const files = programFiles(DIR);
  it('every hostile program has its expected note line', () => {
    assert.deepStrictEqual(files.map((f) => path.basename(f, '.py')).sort(), Object.keys(NOTE_LINE).sort());
  });

  for (const file of files) {
    const name = path.basename(file, '.py');
    it(`${name}: finishes within 1.5 s, notes where it stopped, and the model after it matches Keras`, () => {
      const text = fs.readFileSync(file, 'utf8');
      const started = Date.now();
      const a = analyze(text, parser);
      const found = diagnostics(a);
      const took = Date.now() - started;
      assert.ok(took < 1500, `took ${took} ms`);
      const expected = NOTE_LINE[name];
      const notes = found.filter((d) => d.code === 'analysis-stopped');
      if (expected) {
        const line = text.split('\n').findIndex((l) => expected.test(l)) + 1;
        assert.ok(
          notes.some((d) => d.line === line && d.severity === 'hint'),
          `a note on line ${line}: ${JSON.stringify(notes)}`,
        );
      } else assert.deepStrictEqual(notes, []);
      assert.deepStrictEqual(
        found.filter((d) => d.severity === 'error' || d.severity === 'warning'),
        [],
        'no error or warning',
      );
      assert.deepStrictEqual(compareProgram(file, parser), []);
    });
  }

  it('two distinct structures of shared parts within what a walk may meet: compared at bounded cost', () => {
    // 65,535 values a walk meets in each: followed, and the comparison visits no more than that.
    const text = `x = []\ny = []\nfor i in range(15):\n    x = [x, x]\n    y = [y, y]\nsame = x == y\n`;
    const started = Date.now();
    const a = analyze(text, parser);
    assert.ok(Date.now() - started < 1500);
    assert.deepStrictEqual(diagnostics(a), []);
  });

  it('structures of shared parts past what a walk may meet are unknown where they are made, with a note', () => {
    const text = `x = []\ny = []\nfor i in range(200):\n    x = [x, x]\n    y = [y, y]\nsame = x == y\n`;
    const a = analyze(text, parser);
    assert.deepStrictEqual(
      diagnostics(a).map((d) => `${d.line}:${d.code}`),
      ['4:analysis-stopped', '5:analysis-stopped'],
    );
  });

  it('deep distinct structures compared are unknown, not a stack overflow', () => {
    const text = `a = []\nb = []\nfor i in range(900):\n    a = [a]\n    b = [b]\nsame = a == b\n`;
    const a = analyze(text, parser);
    assert.ok(diagnostics(a).some((d) => d.code === 'analysis-stopped' && d.line === 6));
  });
});
