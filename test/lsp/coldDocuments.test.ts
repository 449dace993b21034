/**
 * Documents that went cold over stdio: with more documents open than the server keeps analysed
 * (`WARM_DOCUMENTS`), the ones not asked about lately keep only their text; asked again, edited while
 * cold, or edited and asked, they answer exactly as a fresh server given the same text does.
 */

import * as assert from 'assert';
import type { Diagnostic } from 'vscode-languageserver-protocol/node';
import { WARM_DOCUMENTS } from '../../server/src/lsp/documents';
import { LspTestClient } from '../helpers/lspClient';

const OPEN = WARM_DOCUMENTS * 3;
const uri = (k: number) => `file:///cold/m${k}.py`;

/** A small file of two models, different per `k`; every third one has a Keras error (a Conv2D on a rank-2 input). */
function file(k: number): string {
  const shape = k % 3 === 2 ? `(${8 + k},)` : `(${8 + k}, ${6 + (k % 4)}, 1)`;
  return [
    'import keras',
    'from keras import layers',
    '',
    'a = keras.Sequential([',
    `    keras.Input(shape=${shape}),`,
    '    layers.Conv2D(4, 3, padding="same"),',
    '    layers.Flatten(),',
    `    layers.Dense(${4 + k}),`,
    '])',
    '',
    `inputs = keras.Input(shape=(${10 + k},))`,
    'x = layers.Dense(16, activation="relu")(inputs)',
    `b = keras.Model(inputs, layers.Dense(${2 + k})(x))`,
    '',
  ].join('\n');
}

interface Answers {
  hints: unknown;
  hover: unknown;
  diagnostics: Diagnostic[];
  actions: unknown;
}

async function answersOf(client: LspTestClient, u: string, version: number): Promise<Answers> {
  const diagnostics = await client.diagnosticsFor(u, version);
  const whole = { start: { line: 0, character: 0 }, end: { line: 20, character: 0 } };
  return {
    hints: await client.hints(u),
    hover: await client.hover(u, 5, 12),
    diagnostics,
    actions: await client.codeActions(u, whole, diagnostics),
  };
}

/** What a server that never saw anything else answers for `text`. */
async function freshAnswers(text: string): Promise<Answers> {
  const fresh = new LspTestClient();
  try {
    await fresh.initialize();
    await fresh.open(uri(0), text);
    return await answersOf(fresh, uri(0), 1);
  } finally {
    await fresh.shutdown();
  }
}

describe('LSP: cold documents', function () {
  this.timeout(120000);

  it('answer as a fresh server does when asked again, edited while cold, or edited after', async () => {
    const client = new LspTestClient(undefined, { SHAPE_LENS_STATS: '1' });
    try {
      await client.initialize();
      for (let k = 0; k < OPEN; k++) {
        await client.open(uri(k), file(k));
        await client.hints(uri(k));
      }
      const stats = async () =>
        (await client.connection.sendRequest('shapeLens/stats')) as { analyses: number; rebuilds: number };
      const rebuiltBefore = (await stats()).rebuilds;

      // Document 2 (a Keras error) went cold long ago: asked again, it is parsed and analysed again.
      const asked = await answersOf(client, uri(2), 1);
      assert.ok((await stats()).rebuilds > rebuiltBefore, 'document 2 was not rebuilt');
      assert.ok(asked.diagnostics.length > 0);
      assert.deepStrictEqual(asked, await freshAnswers(file(2)));

      // Document 4 is cold: an edit applies to its text only, and the answers follow the edited text.
      const edited = file(4).replace('layers.Conv2D(4, 3', 'layers.Conv2D(7, 5');
      await client.change(uri(4), 2, [
        { range: { start: { line: 5, character: 18 }, end: { line: 5, character: 22 } }, text: '7, 5' },
      ]);
      assert.deepStrictEqual(await answersOf(client, uri(4), 2), await freshAnswers(edited));

      // Every document, asked in turn (each sending others cold), answers as fresh.
      for (const k of [0, 1, 5, OPEN - 1])
        assert.deepStrictEqual(await answersOf(client, uri(k), 1), await freshAnswers(file(k)));
    } finally {
      await client.shutdown();
    }
  });
});
