/**
 * The document store keeps its syntax a step behind the text: a burst of edits is one reparse when
 * an analysis asks, with the same result as a fresh parse of the text.
 */

import * as assert from 'assert';
import { summaryJson } from '../../server/src/analysis';
import { DocumentStore, editBetween } from '../../server/src/lsp/documents';
import { loadPythonParser } from '../../server/src/syntax/parser';

const URI = 'untitled:model.py';
const MODEL = [
  'import keras',
  'from keras import layers',
  'model = keras.Sequential([keras.Input((28, 28)), layers.Flatten(), layers.Dense(64), layers.Dense(10)])',
  '',
].join('\n');
const settings = { imageDataFormat: 'channels_last' as const };

describe('document store', () => {
  it('finds the one edit between two texts', () => {
    assert.deepStrictEqual(editBetween('abcdef', 'abXYef'), { start: 2, oldEnd: 4, inserted: 'XY' });
    assert.deepStrictEqual(editBetween('aaa', 'aaaa'), { start: 3, oldEnd: 3, inserted: 'a' });
    assert.deepStrictEqual(editBetween('abc', ''), { start: 0, oldEnd: 3, inserted: '' });
    assert.deepStrictEqual(editBetween('same', 'same'), { start: 4, oldEnd: 4, inserted: '' });
  });

  it('reparses a burst of edits once, as a fresh parse of the final text would', async () => {
    const parser = await loadPythonParser();
    const store = new DocumentStore(parser);
    store.open(URI, 'python', 1, MODEL);
    assert.ok(store.analysis(URI, settings));
    const syntax = store.get(URI)!.syntax!;
    const reparses = () => syntax.stats.windowReparses + syntax.stats.fullReparses;
    const before = reparses();
    // Type `layers.Dense(5), ` into the list one character at a time, with a typo fixed on the way.
    const at = MODEL.indexOf('layers.Dense(10)');
    const typed = 'layers.Dense(5), ';
    let version = 1;
    for (let i = 0; i < typed.length; i++) {
      const pos = { line: 2, character: at - MODEL.indexOf('model') + i };
      store.change(URI, ++version, [{ range: { start: pos, end: pos }, text: typed[i] }]);
    }
    const text = store.get(URI)!.doc.getText();
    assert.strictEqual(text, MODEL.slice(0, at) + typed + MODEL.slice(at));
    const a = store.analysis(URI, settings)!;
    assert.strictEqual(reparses() - before, 1);
    const fresh = new DocumentStore(parser);
    fresh.open(URI, 'python', 1, text);
    assert.deepStrictEqual(summaryJson(a), summaryJson(fresh.analysis(URI, settings)!));
    assert.strictEqual((summaryJson(a).models as Array<{ layers: unknown[] }>)[0].layers.length, 4);
  });
});
