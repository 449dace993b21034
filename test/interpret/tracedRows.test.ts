/**
 * The built-in classes whose row shows no shape after a traced or eager call
 * (tracedRows.ts) are those Keras leaves without build shapes, as recorded
 * from Keras by `test/truth/build-shapes/record.py`.
 */

import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { BUILT_WITHOUT_SHAPES } from '../../server/src/interpret/keras/tracedRows';

describe('rows of layers built by traced or eager calls', () => {
  it('BUILT_WITHOUT_SHAPES is what Keras recorded', () => {
    const recorded = JSON.parse(
      fs.readFileSync(path.join(__dirname, '..', 'truth', 'build-shapes', 'build_shapes.json'), 'utf8'),
    ) as Record<string, boolean>;
    const withoutShapes = Object.keys(recorded)
      .filter((c) => !recorded[c])
      .sort();
    assert.ok(Object.keys(recorded).length > 80, 'the record covers the layer classes');
    assert.deepStrictEqual([...BUILT_WITHOUT_SHAPES].sort(), withoutShapes);
  });
});
