/**
 * Notebooks from the command line: every notebook of test/truth/notebooks/
 * through `shape-lens summary NB.ipynb --json`, against what real Keras built
 * when its code cells ran as IPython runs them (NAME.truth.json and the line
 * map NAME.lines.json, recorded by record.py there): the rows, their program
 * lines and the cell and line in the cell of each, and the error.
 */

import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { cli } from './helpers/cli';
import { LOCAL_TRUTH } from './helpers/truth';

const DIR = path.join(LOCAL_TRUTH, 'notebooks');
const NOTEBOOKS = fs
  .readdirSync(DIR)
  .filter((f) => f.endsWith('.ipynb'))
  .sort();

interface Placed {
  line: number;
  cell?: number;
  cellLine?: number;
}

describe('notebooks through shape-lens summary --json, against Keras', function () {
  this.timeout(60000);

  it('finds the recorded notebooks', () => assert.ok(NOTEBOOKS.length >= 2, NOTEBOOKS.join(', ')));

  for (const name of NOTEBOOKS) {
    it(name, () => {
      const file = path.join(DIR, name);
      const truth = JSON.parse(fs.readFileSync(file.replace(/\.ipynb$/, '.truth.json'), 'utf8'));
      const lines: Array<[number, number]> = JSON.parse(
        fs.readFileSync(file.replace(/\.ipynb$/, '.lines.json'), 'utf8'),
      );
      const r = cli(['summary', '--json', file]);
      assert.strictEqual(r.code, truth.error ? 1 : 0, r.stderr);
      const [got] = JSON.parse(r.stdout);
      const place = (p: Placed) => `${p.line} (cell ${p.cell}, line ${p.cellLine})`;
      const truthPlace = (line: number) => place({ line, cell: lines[line - 1][0], cellLine: lines[line - 1][1] });
      assert.deepStrictEqual(
        got.models.map(
          (m: Placed & { kind: string; total_params: number; layers: Array<Placed & Record<string, unknown>> }) => ({
            at: place(m),
            kind: m.kind,
            rows: m.layers.map((l) => `${l.class} at ${place(l)}: ${JSON.stringify(l.output_shape)} ${l.params}`),
            total: m.total_params,
          }),
        ),
        truth.models.map((m: { line: number; kind: string; layers: Array<Record<string, unknown>> }) => ({
          at: truthPlace(m.line),
          kind: m.kind,
          rows: m.layers.map(
            (l) => `${l.class} at ${truthPlace(l.line as number)}: ${JSON.stringify(l.output_shape)} ${l.params}`,
          ),
          total: (m as unknown as { total_params: number }).total_params,
        })),
      );
      const errors = got.diagnostics.filter((d: { severity: string }) => d.severity === 'error');
      if (truth.error) {
        assert.strictEqual(place(got.error), truthPlace(truth.error.line));
        assert.deepStrictEqual(errors.map(place), [truthPlace(truth.error.line)]);
      } else {
        assert.strictEqual(got.error, null);
        assert.deepStrictEqual(errors, []);
      }
    });
  }

  it('names the cell (counted from 1) and the line in it in text output', () => {
    const file = path.join(DIR, 'fail_lstm_after_conv_cell.ipynb');
    const truth = JSON.parse(fs.readFileSync(file.replace(/\.ipynb$/, '.truth.json'), 'utf8'));
    const [cell, cellLine] = JSON.parse(fs.readFileSync(file.replace(/\.ipynb$/, '.lines.json'), 'utf8'))[
      truth.error.line - 1
    ];
    const r = cli(['check', file]);
    assert.strictEqual(r.code, 1);
    assert.match(
      r.stdout,
      new RegExp(
        `^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:cell ${cell + 1}:${cellLine}:\\d+: error \\[keras-error\\] `,
        'm',
      ),
    );
  });
});
