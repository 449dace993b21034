/**
 * Values that share their items (`x = [x, x]` in a loop): Python makes them at no cost, but any walk
 * over one (printing it, comparing it, flattening it as a layer's or an op's inputs) meets each shared
 * item every time it appears, twice as many at each level. Such a value becomes unknown past
 * `LIMITS.nestedItems`, with a note, and a recorded program after it keeps Keras's rows.
 */

import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { analyze, diagnostics, summary } from '../../server/src/analysis';
import { loadPythonParser, type PythonParser } from '../../server/src/syntax/parser';
import { readProgramTruth } from '../helpers/programs';
import { SHARED_TRUTH } from '../helpers/truth';

const DOUBLING = 'import keras\nfrom keras import layers\nx = []\nfor i in range(200):\n    x = [x, x]\n';

/** What walks the doubled value after it is made. */
const WALKS: Record<string, string> = {
  'a layer called on it': 'y = layers.Flatten()(x)',
  'a keras.ops function': 'y = keras.ops.add(x, 1)',
  'keras.Model of it': 'm = keras.Model(x, x)',
  'str() of it': 's = str(x)',
  'a comparison': 'same = x == x',
  'a comprehension that doubles it': 'for i in range(200):\n    x = [x for _ in range(2)]\ns = str(x)',
  'a list appended to itself': 'x = [1]\nx.append(x)\ns = str(x)\nsame = x == x',
  'an append that doubles it': 'x = []\nfor i in range(200):\n    y = [x]\n    y.append(x)\n    x = y\ns = str(x)',
};

const PROGRAM = path.join(SHARED_TRUTH, 'programs', 'functional_merge_layers.py');

describe('values that share their items: every walk over them ends', () => {
  let parser: PythonParser;
  before(async () => {
    parser = await loadPythonParser();
  });

  for (const [kind, walk] of Object.entries(WALKS)) {
    it(`${kind}, then a recorded program keeps Keras's rows`, () => {
      const prefix = `${DOUBLING}${walk}\n`;
      const shift = prefix.split('\n').length - 1;
      const a = analyze(prefix + fs.readFileSync(PROGRAM, 'utf8'), parser);
      const truth = readProgramTruth(PROGRAM);
      const rows = (models: ReadonlyArray<{ layers: ReadonlyArray<object> }>, by: number) =>
        models.map((m) =>
          m.layers.map((l) => {
            const r = l as { class: string; line: number; output_shape: unknown; params: unknown };
            return `${r.class}@${r.line + by} ${JSON.stringify(r.output_shape)} ${r.params}`;
          }),
        );
      const programModels = summary(a).filter((m) => m.line > shift);
      assert.deepStrictEqual(rows(programModels, 0), rows(truth.models, shift));
      const found = diagnostics(a);
      assert.deepStrictEqual(
        found.filter((d) => d.severity === 'error').map((d) => d.message),
        [],
      );
      assert.ok(
        found.some((d) => d.code === 'analysis-stopped' && d.line <= shift),
        'a note says where the analysis stopped following the value',
      );
    });
  }
});
