/**
 * The diagnosis after Keras's text at `fit`, on recorded data programs: a
 * Dense left on spatial axes (no Flatten) is named with the axes its output
 * kept, as Keras printed the model's last row, and the pooling that cures it;
 * the fixed twins raise nothing.
 */

import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { analyze, diagnostics } from '../../server/src/analysis';
import { loadPythonParser, type PythonParser } from '../../server/src/syntax/parser';
import { kerasShapeText, programFiles, readProgramTruth } from '../helpers/programs';
import { LOCAL_TRUTH } from '../helpers/truth';

const MISSING_FLATTEN = programFiles(path.join(LOCAL_TRUTH, 'data-programs')).filter((f) =>
  path.basename(f).startsWith('data_dense_after_'),
);

describe('the diagnosis of a missing Flatten', () => {
  let parser: PythonParser;
  before(async () => {
    parser = await loadPythonParser();
  });

  it('has failing programs and their fixed twins', () => {
    const failing = MISSING_FLATTEN.filter((f) => !f.endsWith('_fixed.py'));
    assert.ok(failing.length >= 3);
    for (const f of failing) assert.ok(MISSING_FLATTEN.includes(f.replace(/\.py$/, '_fixed.py')), f);
  });

  for (const file of MISSING_FLATTEN) {
    it(path.basename(file), () => {
      const truth = readProgramTruth(file);
      const found = diagnostics(analyze(fs.readFileSync(file, 'utf8'), parser)).filter((d) => d.severity === 'error');
      if (!truth.error) return assert.deepStrictEqual(found, []);
      assert.strictEqual(found.length, 1);
      const [keras, hint] = found[0].message.split('\n');
      assert.strictEqual(found[0].line, truth.error.line);
      assert.strictEqual(keras, truth.error.message);
      const last = truth.models[0].layers.at(-1)!;
      const out = last.output_shape as Array<number | null>;
      assert.ok(
        hint.includes(`The output ${kerasShapeText(out)} kept the axes ${kerasShapeText(out.slice(1, -1))}`),
        hint,
      );
      assert.ok(hint.includes(`before \`${last.class}\``), hint);
      assert.match(hint, new RegExp(`GlobalAveragePooling${out.length - 2}D\\(\\)`));
    });
  }
});
