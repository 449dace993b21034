/**
 * `Layer.__call__`'s positional arguments: the recorded facts of which
 * classes refuse plain Python values, and no error on the classes that read
 * Python data in their own call (Keras accepts `Hashing(...)([["Paris"]])`).
 * The error itself is held to Keras by `programs/eager_python_list_inputs.py`.
 */

import * as assert from 'assert';
import { analyze, diagnostics } from '../../server/src/analysis';
import facts from '../../server/src/shapes/layerInputArgs.json';
import { lookupRule } from '../../server/src/shapes/catalog';
import { loadPythonParser, type PythonParser } from '../../server/src/syntax/parser';

describe('positional arguments of a layer call', () => {
  let parser: PythonParser;
  before(async () => {
    parser = await loadPythonParser();
  });

  it('reads facts recorded from Keras 3.15.1, each class in one list', () => {
    assert.strictEqual(facts.keras_version, '3.15.1');
    const lenient = Object.keys(facts.lenient);
    assert.deepStrictEqual(
      facts.strict.filter((c) => lenient.includes(c)),
      [],
    );
    for (const c of ['Dense', 'Conv2D', 'Dropout', 'Add']) assert.ok(facts.strict.includes(c), c);
    assert.ok(lenient.includes('CategoryEncoding'));
  });

  it('keeps the catalog names the facts use', () => {
    for (const c of ['Dense', 'CategoryEncoding', 'Rescaling']) assert.strictEqual(lookupRule(c)?.className, c);
  });

  for (const call of [
    'layers.Hashing(num_bins=3)([["Paris"], ["Tokyo"], ["Auckland"], ["Rio"]])',
    'layers.StringLookup(vocabulary=["a", "b"])([["a"], ["c"]])',
    'layers.IntegerLookup(vocabulary=[1, 2])([[1], [3]])',
    'layers.CategoryEncoding(num_tokens=4)([0, 1, 2])',
  ]) {
    it(`reports no error on ${call}`, () => {
      const a = analyze(`from keras import layers\nout = ${call}\nprint(out.shape)\n`, parser);
      assert.deepStrictEqual(
        diagnostics(a).filter((d) => d.severity === 'error'),
        [],
      );
    });
  }
});
