/**
 * Requests about a version the client has already replaced are not worked on, over stdio: a burst of
 * edits and requests, written at once so the server reads it all before handling any, costs one
 * analysis, of the newest version; the superseded requests are answered ContentModified, and
 * diagnostics are published for settled versions only, once each. The answers of the newest version
 * are those of a fresh analysis of the same text. Analyses are counted by the server's own counter
 * (`shapeLens/stats`, answered only with `SHAPE_LENS_STATS=1`).
 */

import * as assert from 'assert';
import {
  DidChangeTextDocumentNotification,
  HoverRequest,
  InlayHintRequest,
  LSPErrorCodes,
  type ResponseMessage,
} from 'vscode-languageserver-protocol/node';
import { LspTestClient } from '../helpers/lspClient';

const URI = 'file:///newest/model.py';
const FRESH = 'file:///newest/fresh.py';

/** A small Sequential whose first Dense has `units` (two digits) at line 5, columns 17-19. */
const source = (units: number) =>
  `import keras\nfrom keras import layers\n\nmodel = keras.Sequential([\n    keras.Input(shape=(8,)),\n    layers.Dense(${units}),\n    layers.Dense(3),\n])\n`;

const WHOLE = { start: { line: 0, character: 0 }, end: { line: 100, character: 0 } };

const edit = (version: number, units: number) => ({
  method: DidChangeTextDocumentNotification.method,
  params: {
    textDocument: { uri: URI, version },
    contentChanges: [
      { range: { start: { line: 5, character: 17 }, end: { line: 5, character: 19 } }, text: `${units}` },
    ],
  },
});
const hintsAsked = {
  method: InlayHintRequest.method,
  params: { textDocument: { uri: URI }, range: WHOLE },
  request: true,
};
const hoverAsked = {
  method: HoverRequest.method,
  params: { textDocument: { uri: URI }, position: { line: 5, character: 12 } },
  request: true,
};

describe('LSP: newest version first', function () {
  this.timeout(60000);
  let client: LspTestClient;
  const analyses = async () =>
    ((await client.connection.sendRequest('shapeLens/stats')) as { analyses: number }).analyses;

  beforeEach(async () => {
    client = new LspTestClient(undefined, { SHAPE_LENS_STATS: '1' });
    await client.initialize();
    await client.open(URI, source(10));
    await client.hints(URI);
    await client.diagnosticsFor(URI, 1);
  });
  afterEach(async () => {
    await client.shutdown();
  });

  /** The hints and hover a fresh analysis of `text` gives, in a document of its own. */
  async function freshAnswers(text: string): Promise<{ hints: unknown; hover: unknown }> {
    await client.open(FRESH, text);
    const hints = await client.hints(FRESH);
    const hover = await client.hover(FRESH, 5, 12);
    await client.close(FRESH);
    return { hints, hover };
  }

  const modified = (r: ResponseMessage) => r.error?.code === LSPErrorCodes.ContentModified;

  it('answers ContentModified to requests a queued edit supersedes and analyses only the newest version', async () => {
    const before = await analyses();
    const burst = [];
    for (let v = 2; v <= 6; v++) burst.push(edit(v, 10 + v), hintsAsked, hoverAsked);
    const answers = await client.sendAtOnce(burst);
    assert.strictEqual(answers.length, 10);
    answers.slice(0, 8).forEach((r, i) => assert.ok(modified(r), `answer ${i}: ${JSON.stringify(r)}`));
    const [hints, hover] = answers.slice(8);
    assert.ok(!hints.error && !hover.error, JSON.stringify(answers.slice(8)));
    assert.strictEqual((await analyses()) - before, 1);
    await client.diagnosticsFor(URI, 6);
    // The diagnostics of version 6 reuse its analysis.
    assert.strictEqual((await analyses()) - before, 1);
    const fresh = await freshAnswers(source(16));
    assert.deepStrictEqual(hints.result, fresh.hints);
    assert.deepStrictEqual(hover.result, fresh.hover);
    assert.ok((hints.result as unknown[]).length > 0);
  });

  it('analyses a burst of five edits then one request once', async () => {
    const before = await analyses();
    const burst = [];
    for (let v = 2; v <= 6; v++) burst.push(edit(v, 20 + v));
    const [hints] = await client.sendAtOnce([...burst, hintsAsked]);
    assert.ok(!hints.error, JSON.stringify(hints));
    assert.strictEqual((await analyses()) - before, 1);
    assert.deepStrictEqual(hints.result, (await freshAnswers(source(26))).hints);
  });

  it('publishes diagnostics once per settled version, never for a superseded one', async () => {
    for (let round = 0; round < 3; round++) {
      const burst = [];
      for (let k = 1; k <= 5; k++) burst.push(edit(1 + round * 5 + k, 10 + round * 5 + k));
      // A request at the end: its answer says the server has read and handled the whole burst.
      await client.sendAtOnce([...burst, hintsAsked]);
      await client.diagnosticsFor(URI, 1 + round * 5 + 5);
    }
    // Let a late (wrong) publication arrive before counting them.
    await new Promise((r) => setTimeout(r, 500));
    const versions = client.published.filter((p) => p.uri === URI).map((p) => p.version);
    assert.deepStrictEqual(versions, [1, 6, 11, 16]);
  });
  it('a change the server refuses (malformed) does not leave the document stale: its requests are answered', async () => {
    await client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: URI, version: 2 },
      contentChanges: [{ range: { start: { line: 0 } }, text: 'x' }],
    });
    const [hints] = await client.sendAtOnce([hintsAsked]);
    assert.ok(!modified(hints), JSON.stringify(hints));
    assert.deepStrictEqual(hints.result, (await freshAnswers(source(10))).hints);
  });
});
