/**
 * Faults stay local in notebooks as in text documents (`faults.test.ts`): a notebook whose code is
 * past MAX_DOCUMENT_BYTES is not parsed and says so in one note on its first code cell; an analysis
 * that fails serves the last good answers marked stale (a note, hint tooltips, a line in the hover,
 * no quick fixes), and the next good version is analysed again. The server runs in this process
 * over in-memory streams, its parser failing on demand.
 */

import * as assert from 'assert';
import { PassThrough } from 'stream';
import {
  createProtocolConnection,
  DiagnosticSeverity,
  NotebookCellKind,
  type Diagnostic as ProtocolDiagnostic,
  type InlayHint,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import { createConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver/node';
import { MAX_DOCUMENT_BYTES } from '../../server/src/analysis';
import { createServer } from '../../server/src/lsp/server';
import { loadPythonParser, type PythonParser } from '../../server/src/syntax/parser';

const NB = 'file:///tmp/faults/model.ipynb';
const cell = (i: number) => `vscode-notebook-cell:/tmp/faults/model.ipynb#cell${i}`;
/** Three cells: imports, a markdown cell, the model (its channels-first input is warned about, with fixes). */
const IMPORTS = 'import keras\n';
const MARKDOWN = '# The model\n';
const MODEL =
  'model = keras.Sequential([keras.Input((3, 32, 32)), keras.layers.Conv2D(12, 3), keras.layers.Flatten(), keras.layers.Dense(1)])\n';

function failingOn(parser: PythonParser): PythonParser {
  return {
    parse: (text, previous) => {
      if (text.includes('FAIL_HERE')) throw new Error('injected parser fault');
      return parser.parse(text, previous);
    },
    abiVersion: parser.abiVersion,
    resets: 0,
  };
}

async function inProcessServer() {
  const parser = failingOn(await loadPythonParser());
  const up = new PassThrough();
  const down = new PassThrough();
  const server = createConnection(new StreamMessageReader(up), new StreamMessageWriter(down));
  createServer(server, parser);
  server.listen();
  const client: ProtocolConnection = createProtocolConnection(
    new StreamMessageReader(down),
    new StreamMessageWriter(up),
  );
  const published: PublishDiagnosticsParams[] = [];
  client.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
    published.push(p);
  });
  client.onNotification('window/logMessage', () => undefined);
  client.listen();
  await client.sendRequest('initialize', { processId: null, rootUri: null, capabilities: {} });
  await client.sendNotification('initialized', {});
  /** The diagnostics of cell `i` once published for its document `version`. */
  const diagnosticsOf = async (
    i: number,
    version: number,
  ): Promise<Array<ProtocolDiagnostic & { message: string }>> => {
    for (let n = 0; n < 200; n++) {
      const p = published.filter((d) => d.uri === cell(i)).pop();
      if (p && p.version === version) return p.diagnostics.map((d) => ({ ...d, message: String(d.message) }));
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`no diagnostics for cell ${i} version ${version}`);
  };
  const hints = (i: number): Promise<InlayHint[]> =>
    client.sendRequest('textDocument/inlayHint', {
      textDocument: { uri: cell(i) },
      range: { start: { line: 0, character: 0 }, end: { line: 1000, character: 0 } },
    });
  const open = (cells: string[]) =>
    client.sendNotification('notebookDocument/didOpen', {
      notebookDocument: {
        uri: NB,
        notebookType: 'jupyter-notebook',
        version: 1,
        cells: cells.map((_, i) => ({
          kind: i === 1 ? NotebookCellKind.Markup : NotebookCellKind.Code,
          document: cell(i),
        })),
      },
      cellTextDocuments: cells.map((text, i) => ({
        uri: cell(i),
        languageId: i === 1 ? 'markdown' : 'python',
        version: 1,
        text,
      })),
    });
  /** Replaces the text of cell `i`: the notebook's and the cell's version become `version`. */
  const change = (version: number, i: number, text: string) =>
    client.sendNotification('notebookDocument/didChange', {
      notebookDocument: { uri: NB, version },
      change: { cells: { textContent: [{ document: { uri: cell(i), version }, changes: [{ text }] }] } },
    });
  const close = () => {
    client.dispose();
    server.dispose();
  };
  return { client, diagnosticsOf, hints, open, change, close };
}

describe('faults stay local in notebooks', function () {
  this.timeout(60000);

  it('leaves a notebook past the size limit unparsed, with one note on its first code cell, until it is smaller', async () => {
    const s = await inProcessServer();
    try {
      const big = `${MODEL}${'x = 1\n'.repeat(Math.ceil(MAX_DOCUMENT_BYTES / 6) + 10000)}`;
      await s.open([IMPORTS, MARKDOWN, big]);
      const first = await s.diagnosticsOf(0, 1);
      assert.strictEqual(first.length, 1);
      assert.strictEqual(first[0].code, 'analysis-stopped');
      assert.strictEqual(first[0].severity, DiagnosticSeverity.Hint);
      assert.match(first[0].message, /does not analyse this document: it is 5\.1 MB, past its limit of 5 MB/);
      assert.deepStrictEqual(await s.diagnosticsOf(2, 1), []);
      assert.deepStrictEqual(await s.hints(2), []);
      await s.change(2, 2, MODEL);
      assert.ok((await s.hints(2)).length > 0);
      // The cells are published in order: the first one's note is gone once the model cell has its findings.
      assert.ok((await s.diagnosticsOf(2, 2)).length > 0);
      assert.deepStrictEqual(await s.diagnosticsOf(0, 1), []);
    } finally {
      s.close();
    }
  });

  it('serves the last good answers marked stale when an analysis fails, and recovers at the next version', async () => {
    const s = await inProcessServer();
    try {
      await s.open([IMPORTS, MARKDOWN, MODEL]);
      const good = await s.diagnosticsOf(2, 1);
      const goodHints = await s.hints(2);
      assert.ok(goodHints.length > 0 && good.length > 0);
      assert.ok(goodHints.every((h) => h.tooltip === undefined));
      const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 200 } };
      const goodFixes = await s.client.sendRequest('textDocument/codeAction', {
        textDocument: { uri: cell(2) },
        range,
        context: { diagnostics: good },
      });
      assert.ok(Array.isArray(goodFixes) && goodFixes.length > 0);

      await s.change(2, 2, `${MODEL}x = FAIL_HERE\n`);
      assert.deepStrictEqual(await s.diagnosticsOf(2, 2), good);
      const note = await s.diagnosticsOf(0, 1);
      assert.strictEqual(note.length, 1);
      assert.strictEqual(note[0].code, 'analysis-stopped');
      assert.match(note[0].message, /could not analyse this version of the file .* those of version 1/);
      const staleHints = await s.hints(2);
      assert.deepStrictEqual(
        staleHints.map((h) => h.label),
        goodHints.map((h) => h.label),
      );
      assert.ok(staleHints.every((h) => /^From version 1 of the file/.test(String(h.tooltip))));
      const hover = await s.client.sendRequest('textDocument/hover', {
        textDocument: { uri: cell(2) },
        position: { line: 0, character: 90 },
      });
      assert.match(JSON.stringify(hover), /From version 1 of the file/);
      const fixes = await s.client.sendRequest('textDocument/codeAction', {
        textDocument: { uri: cell(2) },
        range,
        context: { diagnostics: good },
      });
      assert.deepStrictEqual(fixes, []);

      await s.change(3, 2, MODEL);
      assert.deepStrictEqual(await s.diagnosticsOf(2, 3), good);
      assert.deepStrictEqual(await s.hints(2), goodHints);
      assert.deepStrictEqual(await s.diagnosticsOf(0, 1), []);
    } finally {
      s.close();
    }
  });

  it('says the analysis failed when no earlier version was analysed', async () => {
    const s = await inProcessServer();
    try {
      await s.open([IMPORTS, MARKDOWN, `${MODEL}x = FAIL_HERE\n`]);
      const d = await s.diagnosticsOf(0, 1);
      assert.strictEqual(d.length, 1);
      assert.match(d[0].message, /could not analyse this file/);
      assert.deepStrictEqual(await s.diagnosticsOf(2, 1), []);
      assert.deepStrictEqual(await s.hints(2), []);
    } finally {
      s.close();
    }
  });
});
