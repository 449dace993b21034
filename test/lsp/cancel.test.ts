/**
 * `$/cancelRequest` over stdio: a request cancelled while its analysis runs ends with
 * RequestCancelled (-32800) at the check point after the analysis, instead of its answer; one
 * cancelled before it starts ends so at once; the analysis done is kept for the next request.
 */

import * as assert from 'assert';
import { CancellationTokenSource, InlayHintRequest, LSPErrorCodes } from 'vscode-languageserver-protocol/node';
import { LspTestClient } from '../helpers/lspClient';

const URI = 'file:///tmp/cancel/model.py';

/** A functional model of about `n` lines: its analysis takes long enough for a cancel to arrive meanwhile. */
function modelFile(n: number): string {
  const lines = ['import keras', 'from keras import layers', 'inputs = keras.Input(shape=(64, 64, 3))', 'x = inputs'];
  while (lines.length < n) {
    lines.push('x = layers.Conv2D(16, 3, padding="same", activation="relu")(x)');
    lines.push('x = layers.BatchNormalization()(x)');
  }
  lines.push('outputs = layers.Dense(10)(layers.GlobalAveragePooling2D()(x))', 'model = keras.Model(inputs, outputs)');
  return `${lines.join('\n')}\n`;
}

const hintParams = {
  textDocument: { uri: URI },
  range: { start: { line: 0, character: 0 }, end: { line: 100000, character: 0 } },
};

async function cancelledAfter(client: LspTestClient, ms: number): Promise<{ code?: number; ms: number }> {
  const source = new CancellationTokenSource();
  const started = Date.now();
  const answer = client.connection.sendRequest(InlayHintRequest.type, hintParams, source.token);
  setTimeout(() => source.cancel(), ms);
  try {
    await answer;
    return { ms: Date.now() - started };
  } catch (e) {
    return { code: (e as { code?: number }).code, ms: Date.now() - started };
  }
}

describe('cancellation over stdio', function () {
  this.timeout(120000);
  let client: LspTestClient;

  before(async () => {
    client = new LspTestClient();
    await client.initialize();
  });
  after(() => client.shutdown());

  it('ends a request cancelled during its analysis with RequestCancelled, and keeps the analysis', async () => {
    // Long enough that the cancel, sent 200 ms after the request, arrives while the analysis runs.
    await client.open(URI, modelFile(6000));
    const r = await cancelledAfter(client, 200);
    assert.strictEqual(r.code, LSPErrorCodes.RequestCancelled, `answered after ${r.ms} ms without being cancelled`);
    // The answer came at the check point after the analysis, not before it (the analysis was under way).
    const t0 = Date.now();
    const hints = await client.hints(URI);
    assert.ok(hints.length > 1000, `${hints.length} hints`);
    assert.ok(Date.now() - t0 < r.ms, `the analysis was done again: ${Date.now() - t0} ms after ${r.ms} ms`);
    assert.ok(client.alive);
  });

  it('answers ContentModified, without analysing, a request its document was edited after', async () => {
    const text = modelFile(3000);
    await client.change(URI, 10, [{ text }]);
    assert.ok((await client.hints(URI)).length > 500);
    // A burst: each hover is followed by an edit sent without waiting for its answer.
    const line = text.split('\n').length - 2;
    const answers: Array<Promise<number>> = [];
    const started = Date.now();
    for (let v = 11; v < 21; v++) {
      answers.push(
        client.hover(URI, 5, 3).then(
          () => 0,
          (e: { code?: number }) => e.code ?? -1,
        ),
      );
      const at = { line, character: 0 };
      await client.change(URI, v, [{ range: { start: at, end: at }, text: `# edit ${v}\n` }]);
    }
    // A hover read before the edit after it is answered; the others are outdated at their first check point.
    const codes = await Promise.all(answers);
    assert.ok(
      codes.every((c) => c === 0 || c === LSPErrorCodes.ContentModified),
      JSON.stringify(codes),
    );
    assert.ok(codes.filter((c) => c === LSPErrorCodes.ContentModified).length >= 8, JSON.stringify(codes));
    assert.ok((await client.hints(URI)).length > 500);
    assert.ok(client.alive, `${Date.now() - started} ms`);
  });

  it('ends a request cancelled before its work starts with RequestCancelled', async () => {
    await client.change(URI, 30, [{ text: modelFile(3000) }]);
    const r = await cancelledAfter(client, 0);
    assert.strictEqual(r.code, LSPErrorCodes.RequestCancelled);
    assert.ok((await client.hints(URI)).length > 500);
  });
});
