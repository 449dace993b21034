/**
 * Faults stay local in the parser: a parse that fails half-way (here, reading the text throws
 * inside tree-sitter) must not leave its state for the next parse of another file.
 */

import * as assert from 'assert';
import { loadPythonParser } from '../../server/src/syntax/parser';

const GOOD = 'import keras\nm = keras.Sequential([keras.Input((4,)), keras.layers.Dense(3)])\n';

/** A text whose reading fails after a few chunks, in the middle of nested blocks. */
function failingText(): string {
  let reads = 0;
  const body = 'if x:\n  ('.repeat(40);
  const text = {
    length: 100000,
    slice: (a: number, b: number) => {
      if (++reads > 3) throw new Error('read failed');
      return body.slice(0, b - a);
    },
    charCodeAt: () => 40,
    indexOf: () => -1,
  };
  return text as unknown as string;
}

describe('parser reset after a failed parse', () => {
  it('parses a valid file right after a parse that threw, with a fresh parser', async () => {
    const parser = await loadPythonParser();
    const expected = parser.parse(GOOD);
    const want = expected.rootNode.toString();
    expected.delete();
    const resets = parser.resets;
    assert.throws(() => parser.parse(failingText()), /read failed/);
    assert.strictEqual(parser.resets, resets + 1);
    const tree = parser.parse(GOOD);
    try {
      assert.strictEqual(tree.rootNode.toString(), want);
      assert.strictEqual(tree.rootNode.hasError, false);
    } finally {
      tree.delete();
    }
  });
});
