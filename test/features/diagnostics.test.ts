/**
 * Diagnostics on annotated fixtures: a comment line of carets under a code
 * line marks columns a diagnostic must cover on its first line, with its
 * severity and code (`#   ^^^^ warning channels-first-input`). Every
 * annotated diagnostic must be reported there, and nothing else. A fixture
 * with a `.truth.json` beside it (recorded by `capture.py`) has its
 * `keras-error` annotation on the line where Keras raised, and only there.
 */

import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { analyze, diagnostics } from '../../server/src/analysis';
import { loadPythonParser, type PythonParser } from '../../server/src/syntax/parser';

const FIXTURES = path.join(__dirname, 'fixtures');

interface Annotation {
  line: number;
  first: number;
  last: number;
  severity: string;
  code: string;
}

/** Every annotation: the code line above it (1-based) and the caret columns (1-based). */
function annotations(text: string): Annotation[] {
  const out: Annotation[] = [];
  let codeLine = 0;
  text.split('\n').forEach((l, i) => {
    const m = /^(\s*#\s*)(\^+)\s+(error|warning|info)\s+([a-z-]+)\s*$/.exec(l);
    if (m)
      out.push({ line: codeLine, first: m[1].length + 1, last: m[1].length + m[2].length, severity: m[3], code: m[4] });
    else if (!/^\s*#/.test(l)) codeLine = i + 1;
  });
  return out;
}

describe('diagnostics on annotated fixtures', () => {
  let parser: PythonParser;
  before(async () => {
    parser = await loadPythonParser();
  });
  for (const file of fs.readdirSync(FIXTURES).filter((f) => f.endsWith('.py'))) {
    it(file, () => {
      const text = fs.readFileSync(path.join(FIXTURES, file), 'utf8');
      const left = diagnostics(analyze(text, parser));
      const missing: string[] = [];
      for (const a of annotations(text)) {
        const at = left.findIndex(
          (d) =>
            d.line === a.line &&
            d.severity === a.severity &&
            d.code === a.code &&
            d.column <= a.first &&
            (d.endLine > d.line || d.endColumn - 1 >= a.last),
        );
        if (at < 0) missing.push(`${a.line}:${a.first}-${a.last} ${a.severity} ${a.code}`);
        else left.splice(at, 1);
      }
      assert.deepStrictEqual(
        { missing, unexpected: left.map((d) => `${d.line}:${d.column} ${d.severity} ${d.code}: ${d.message}`) },
        { missing: [], unexpected: [] },
      );
      // A fixture recorded with Keras (`capture.py`): its error annotations are where Keras raised.
      const truthFile = path.join(FIXTURES, file.replace(/\.py$/, '.truth.json'));
      if (fs.existsSync(truthFile)) {
        const truth = JSON.parse(fs.readFileSync(truthFile, 'utf8')) as { error: { line: number } | null };
        const errorLines = annotations(text)
          .filter((a) => a.code === 'keras-error')
          .map((a) => a.line);
        assert.deepStrictEqual(errorLines, truth.error ? [truth.error.line] : []);
      }
    });
  }
});
