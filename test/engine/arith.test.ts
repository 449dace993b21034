/**
 * The 1-D length formulas in arith.ts against real Keras: every row of
 * test/truth/arith.json (recorded by record_arith.py from Conv1D,
 * MaxPooling1D and Conv1DTranspose built on keras.Input). One test per
 * formula and padding, each listing all of its disagreements.
 *
 * Where Keras refused (a window that does not fit under "valid"), the
 * formula must return a length <= 0: that is how arith.ts tells its callers
 * that Keras raises.
 */

import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { convOutputLength, deconvOutputLength, poolOutputLength, type Padding } from '../../server/src/shapes/arith';
import type { Dim } from '../../server/src/shapes/shape';

interface Row {
  length: number;
  stride: number;
  padding: Padding;
  output: number | null;
  error?: string;
  kernel?: number;
  pool?: number;
  dilation?: number;
  output_padding?: number | null;
}

interface ArithTruth {
  keras_version: string;
  conv: Row[];
  pool: Row[];
  deconv: Row[];
}

const truth = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'truth', 'arith.json'), 'utf8')) as ArithTruth;

/** What one formula computes for one recorded row. */
type Formula = (r: Row) => Dim;

const FORMULAS: Record<'conv' | 'pool' | 'deconv', Formula> = {
  conv: (r) => convOutputLength(r.length, r.kernel!, r.padding, r.stride, r.dilation!),
  pool: (r) => poolOutputLength(r.length, r.pool!, r.padding as 'valid' | 'same', r.stride),
  deconv: (r) =>
    deconvOutputLength(
      r.length,
      r.kernel!,
      r.padding as 'valid' | 'same',
      r.output_padding ?? null,
      r.stride,
      r.dilation!,
    ),
};

/** Empty when the formula agrees with Keras on the row, else a line saying how it differs. */
function disagreement(r: Row, got: Dim): string | null {
  const { output, error, ...args } = r;
  if (error !== undefined) {
    return typeof got === 'number' && got <= 0
      ? null
      : `${JSON.stringify(args)}: Keras raises (${error}), formula gives ${got}`;
  }
  return got === output ? null : `${JSON.stringify(args)}: Keras gives ${output}, formula gives ${got}`;
}

function groupByPadding(rows: Row[]): Map<string, Row[]> {
  const groups = new Map<string, Row[]>();
  for (const r of rows) groups.set(r.padding, [...(groups.get(r.padding) ?? []), r]);
  return groups;
}

describe(`arith formulas against Keras ${truth.keras_version}`, () => {
  for (const table of ['conv', 'pool', 'deconv'] as const) {
    it(`${table}: recorded rows exist`, () => {
      assert.ok(truth[table].length > 0, `arith.json has no ${table} rows: re-run record_arith.py`);
    });
    for (const [padding, rows] of groupByPadding(truth[table])) {
      it(`${table} padding=${padding} (${rows.length} rows)`, () => {
        const problems = rows.map((r) => disagreement(r, FORMULAS[table](r))).filter((p): p is string => p !== null);
        assert.deepStrictEqual(
          problems,
          [],
          `${problems.length} of ${rows.length} ${table}/${padding} rows disagree with Keras:\n  ${problems.join('\n  ')}`,
        );
      });
    }
  }

  it('None and unknown lengths pass through every formula', () => {
    for (const d of [null, '?'] as const) {
      assert.strictEqual(convOutputLength(d, 3, 'valid', 1), d);
      assert.strictEqual(poolOutputLength(d, 2, 'same', 2), d);
      assert.strictEqual(deconvOutputLength(d, 3, 'same', 1, 2), d);
    }
  });
});
