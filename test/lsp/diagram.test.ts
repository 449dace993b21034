/**
 * `shapeLens/diagram` over stdio, as the model view asks for it: the
 * file's models, the one at the cursor drawn with Keras's shapes (from the
 * truth of the example), 0-based lines, the answer after an edit, and
 * nothing for a document that is not open. The answer is typed by the
 * client's own declaration of it (client/src/webview/protocol.ts), so a
 * field the server renames fails here.
 */

import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { DIAGRAM_REQUEST as CLIENT_DIAGRAM_REQUEST, type DiagramResult } from '../../client/src/webview/protocol';
import type { DiagramResult as ServerDiagramResult } from '../../server/src/lsp/convert';
import { DIAGRAM_REQUEST } from '../../server/src/lsp/server';
import { LspTestClient } from '../helpers/lspClient';
import { kerasShapeText, readProgramTruth } from '../helpers/programs';
import { LOCAL_TRUTH, REPO_ROOT, SHARED_TRUTH } from '../helpers/truth';

// The server's answer is what the client reads, field for field (a compile-time check, both ways).
const serverToClient = (r: ServerDiagramResult): DiagramResult => r;
const clientToServer = (r: DiagramResult): ServerDiagramResult => r;
void serverToClient;
void clientToServer;

type Shape = Array<number | null>;

describe('shapeLens/diagram over stdio', function () {
  this.timeout(60000);
  let client: LspTestClient;
  const file = path.join(REPO_ROOT, 'examples', 'unet.py');
  const uri = `file://${file}`;
  const text = fs.readFileSync(file, 'utf8');
  const truth = readProgramTruth(path.join(LOCAL_TRUTH, 'programs', 'example_unet.py'));
  const ask = (u: string, line: number) =>
    client.connection.sendRequest<DiagramResult | null>(DIAGRAM_REQUEST, { uri: u, line });

  before(async () => {
    client = new LspTestClient();
    await client.initialize();
    await client.open(uri, text);
  });

  after(async () => {
    await client.shutdown();
  });

  it('is the request the client sends', () => {
    assert.strictEqual(CLIENT_DIAGRAM_REQUEST, DIAGRAM_REQUEST);
  });

  it("lists the file's models and draws the one at the cursor with Keras's shapes", async () => {
    const [unet, classifier] = truth.models;
    const r = (await ask(uri, unet.layers[5].line - 1))!;
    assert.deepStrictEqual(
      r.models.map((m) => [m.name, m.line]),
      [
        ['unet', unet.line - 1],
        ['classifier', classifier.line - 1],
      ],
    );
    assert.strictEqual(r.selected, 0);
    const d = r.diagram!;
    assert.strictEqual(d.line, unet.line - 1);
    assert.deepStrictEqual(
      d.rows.map((row) => [row.className, row.line, row.shape, row.params]),
      unet.layers.map((l) => [l.class, l.line - 1, kerasShapeText(l.output_shape as Shape), l.params]),
    );
    assert.strictEqual(d.totals.total, unet.total_params);
    // Each layer's edge ends at a box with the shape Keras printed for its row.
    for (const l of d.layers) {
      const row = unet.layers[l.row!];
      assert.deepStrictEqual(
        l.outputs.map((o) => d.tensors[o].text),
        [kerasShapeText(row.output_shape as Shape)],
      );
      assert.strictEqual(l.line, row.line - 1);
    }
    assert.strictEqual(d.layers.filter((l) => l.inputs.length === 2).length, 2, 'two merges: the skip connections');
    assert.strictEqual(r.error, null);
  });

  it('follows the cursor to the classifier, a model with two inputs', async () => {
    const classifier = truth.models[1];
    const r = (await ask(uri, classifier.line - 1))!;
    assert.strictEqual(r.selected, 1);
    assert.deepStrictEqual(
      r.diagram!.tensors.filter((t) => t.input !== undefined).map((t) => [t.input, t.text]),
      classifier.layers
        .filter((l) => l.class === 'InputLayer')
        .map((l) => [(l as unknown as { name: string }).name, kerasShapeText(l.output_shape as Shape)]),
    );
  });

  it('answers for the edited text, with the error where Keras raises', async () => {
    // The document becomes the seed example, then a program Keras fails on: each answer is its truth's.
    const u = 'file:///diagram/edit.py';
    const seed = readProgramTruth(path.join(SHARED_TRUTH, 'programs', 'seed_conv2d_channels_last.py'));
    const failing = path.join(SHARED_TRUTH, 'programs', 'fail_lstm_2d_input.py');
    await client.open(u, text);
    await client.change(u, 2, [{ text: fs.readFileSync(path.join(REPO_ROOT, 'examples', 'seed_model2.py'), 'utf8') }]);
    const edited = (await ask(u, seed.models[0].layers[0].line - 1))!;
    assert.deepStrictEqual(
      edited.diagram!.tensors.slice(1).map((t) => t.text),
      seed.models[0].layers.map((l) => kerasShapeText(l.output_shape as Shape)),
    );
    assert.strictEqual(edited.error, null);
    await client.change(u, 3, [{ text: fs.readFileSync(failing, 'utf8') }]);
    const broken = (await ask(u, 0))!;
    const error = readProgramTruth(failing).error!;
    assert.strictEqual(broken.error?.line, error.line - 1);
    assert.strictEqual(broken.error?.type, error.type);
  });

  it('answers null for a document that is not open, and survives a malformed line', async () => {
    assert.strictEqual(await ask('file:///not/open.py', 0), null);
    const r = await client.connection.sendRequest<DiagramResult | null>(DIAGRAM_REQUEST, { uri, line: 'x' });
    assert.strictEqual(r?.selected, 0);
    assert.ok(client.alive);
  });
});
