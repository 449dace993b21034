/**
 * The `keras.ops` tables (`interpret/ops/tables.ts`) held to what Keras 3.15.1
 * does, as recorded in `test/truth/keras-api/kerasOps.json` (`record.py`
 * there): each function's shape rule and the op class it records.
 */

import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { BINARY, ELEMENTWISE, REDUCE } from '../../server/src/interpret/ops/tables';
import { LOCAL_TRUTH } from '../helpers/truth';

type Traced = [number[], string];
interface RecordedOp {
  params: unknown[];
  unary?: Traced;
  binary?: Traced;
  reduce?: Traced;
  reduce_keepdims?: Traced;
}

const recorded = (
  JSON.parse(fs.readFileSync(path.join(LOCAL_TRUTH, 'keras-api', 'kerasOps.json'), 'utf8')) as {
    keras_version: string;
    ops: Record<string, RecordedOp>;
  }
).ops;

/** The table's entries whose recorded call gave another shape or op class than the table says. */
function differences(table: Record<string, string>, probe: keyof RecordedOp, shape: number[]): string[] {
  const out: string[] = [];
  for (const [name, opClass] of Object.entries(table)) {
    const op = recorded[name];
    const traced = op?.[probe] as Traced | undefined;
    const want = JSON.stringify([shape, opClass]);
    if (!op) out.push(`${name}: not a keras.ops function`);
    else if (JSON.stringify(traced) !== want) out.push(`${name}: Keras gives ${JSON.stringify(traced)}, table ${want}`);
  }
  return out;
}

describe('keras.ops tables against recorded Keras', () => {
  it('binary ops broadcast (2, 3) with (3,) and record the class the table names', () => {
    assert.deepStrictEqual(differences(BINARY, 'binary', [2, 3]), []);
  });

  it('elementwise ops keep the shape of x and record the class the table names', () => {
    assert.deepStrictEqual(differences(ELEMENTWISE, 'unary', [2, 3]), []);
  });

  it('reductions drop the axis, or keep it as 1 with keepdims=True, and record the class the table names', () => {
    assert.deepStrictEqual(
      [...differences(REDUCE, 'reduce', [2, 4]), ...differences(REDUCE, 'reduce_keepdims', [2, 1, 4])],
      [],
    );
  });
});
