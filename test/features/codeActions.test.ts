/**
 * Quick fixes on the annotated fixtures (test/features/fixtures/): under a
 * diagnostic's caret line, `#   fix: TITLE` lines list the fixes it must
 * offer, in order (`fix*:` the preferred one); a diagnostic without such lines
 * must offer none. Every fix is applied and the result analysed again: the
 * text still parses, the diagnostic it fixes is gone and no other has come
 * (diagnostics are compared by code and message, as lines move). Where a fixed
 * program was recorded with Keras (test/truth/fixed/FIXTURE.N.py, the N-th fix
 * of the fixture, with its `.truth.json`; every fix has one), the fix must give exactly that file,
 * and its analysis must match what Keras built from it.
 */

import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { analyze, codeActions, diagnostics, type Finding } from '../../server/src/analysis';
import { loadPythonParser, type PythonParser } from '../../server/src/syntax/parser';
import { findingKey, numberedFixes, rangeOf, type NumberedFix } from '../helpers/fixes';
import { compareProgram } from '../helpers/programs';
import { LOCAL_TRUTH } from '../helpers/truth';

const FIXTURES = path.join(__dirname, 'fixtures');
const FIXED = path.join(LOCAL_TRUTH, 'fixed');

interface Expected {
  line: number;
  first: number;
  code: string;
  fixes: string[];
}

/** Each caret annotation with the fix lines under it (`*` marks the preferred fix). */
function expectedFixes(text: string): Expected[] {
  const out: Expected[] = [];
  let codeLine = 0;
  text.split('\n').forEach((l, i) => {
    const caret = /^(\s*#\s*)\^+\s+(?:error|warning|info)\s+([a-z-]+)\s*$/.exec(l);
    const fix = /^\s*#\s*fix(\*?):\s*(.+?)\s*$/.exec(l);
    if (caret) out.push({ line: codeLine, first: caret[1].length + 1, code: caret[2], fixes: [] });
    else if (fix) out[out.length - 1].fixes.push(`${fix[1]}${fix[2]}`);
    else if (!/^\s*#/.test(l)) codeLine = i + 1;
  });
  return out;
}

/** What is in `after` and not in `before` (as multisets). */
function added(before: string[], after: string[]): string[] {
  const left = [...before];
  return after.filter((x) => {
    const i = left.indexOf(x);
    if (i < 0) return true;
    left.splice(i, 1);
    return false;
  });
}

describe('quick fixes on annotated fixtures', () => {
  let parser: PythonParser;
  before(async () => {
    parser = await loadPythonParser();
  });

  const files = fs.readdirSync(FIXTURES).filter((f) => f.endsWith('.py'));
  for (const file of files) {
    it(file, () => {
      const text = fs.readFileSync(path.join(FIXTURES, file), 'utf8');
      const { findings, fixes } = numberedFixes(text, parser);
      const expected = expectedFixes(text);
      const problems: string[] = [];
      for (const d of findings) {
        const want = expected.find((e) => e.line === d.line && e.code === d.code && d.column <= e.first)?.fixes ?? [];
        const mine = fixes.filter((f) => f.diagnostic === d);
        const offered = mine.map((f) => `${f.fix.isPreferred ? '*' : ''}${f.fix.title}`);
        if (JSON.stringify(offered) !== JSON.stringify(want))
          problems.push(
            `${d.line}:${d.column} ${d.code}: offered ${JSON.stringify(offered)}, expected ${JSON.stringify(want)}`,
          );
        for (const f of mine) problems.push(...checkFix(parser, file, findings, f));
      }
      assert.deepStrictEqual(problems, []);
    });
  }

  it('every recorded fixed program belongs to a fix of a fixture', () => {
    const fixtures = new Set(files.map((f) => f.replace(/\.py$/, '')));
    const strays = fs
      .readdirSync(FIXED)
      .filter((f) => f.endsWith('.py'))
      .filter((f) => !fixtures.has(f.replace(/\.\d+\.py$/, '')));
    assert.deepStrictEqual(strays, []);
  });

  it('titles follow the locale, the edits do not', () => {
    const text = fs.readFileSync(path.join(FIXTURES, 'fix_stacked_lstm_add.py'), 'utf8');
    const a = analyze(text, parser);
    const [error] = diagnostics(a).filter((d) => d.code === 'keras-error');
    const en = codeActions(a, rangeOf(error));
    const zh = codeActions(a, rangeOf(error), { disabled: [], imageDataFormat: 'channels_last', locale: 'zh-cn' });
    assert.strictEqual(zh.length, 1);
    assert.strictEqual(zh[0].title, '给 LSTM 传入 return_sequences=True，让 LSTM 得到整个序列');
    assert.deepStrictEqual(zh[0].edits, en[0].edits);
  });
});

function checkFix(
  parser: PythonParser,
  file: string,
  before: Finding[],
  { n, diagnostic, fix, fixed }: NumberedFix,
): string[] {
  const where = `${file} fix ${n} (${fix.title})`;
  const tree = parser.parse(fixed);
  const broken = tree.rootNode.hasError;
  tree.delete();
  if (broken) return [`${where}: the fixed text does not parse:\n${fixed}`];
  const after = diagnostics(analyze(fixed, parser)).map(findingKey);
  const problems: string[] = [];
  const rest = before.map(findingKey);
  rest.splice(rest.indexOf(findingKey(diagnostic)), 1);
  const fresh = added(rest, after);
  if (fresh.length) problems.push(`${where}: new or remaining diagnostics ${JSON.stringify(fresh)}`);
  const recorded = path.join(FIXED, `${file.replace(/\.py$/, '')}.${n}.py`);
  if (!fs.existsSync(recorded)) problems.push(`${where}: no program recorded with Keras (test/truth/fixed/record.ts)`);
  else if (fs.readFileSync(recorded, 'utf8') !== fixed)
    problems.push(`${where}: differs from the program recorded with Keras, ${path.relative(LOCAL_TRUTH, recorded)}`);
  else problems.push(...compareProgram(recorded, parser).map((p) => `${where}: ${p}`));
  return problems;
}
