/**
 * Faults stay local in the language server: a document past MAX_DOCUMENT_BYTES is not parsed and
 * says so in one note; an analysis that fails serves the last good answers marked stale (a note,
 * hint tooltips, a line in the hover, no quick fixes), and the next good version is analysed again.
 * The server runs in this process over in-memory streams, its parser failing on demand.
 */

import * as assert from 'assert';
import { PassThrough } from 'stream';
import {
  createProtocolConnection,
  DiagnosticSeverity,
  type Diagnostic as ProtocolDiagnostic,
  type InlayHint,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import { createConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver/node';
import { MAX_DOCUMENT_BYTES } from '../../server/src/analysis';
import { createServer } from '../../server/src/lsp/server';
import { loadPythonParser, type PythonParser } from '../../server/src/syntax/parser';

const URI = 'file:///tmp/faults/model.py';
const MODEL = [
  'import keras',
  'model = keras.Sequential([keras.Input((28, 28)), keras.layers.Flatten(), keras.layers.Dense(1, activation="softmax")])',
  '',
].join('\n');

/** A parser that throws on any text containing `FAIL_HERE`, as a runtime fault would. */
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

async function inProcessServer(locale?: string) {
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
  await client.sendRequest('initialize', { processId: null, rootUri: null, capabilities: {}, locale });
  await client.sendNotification('initialized', {});
  const diagnosticsOf = async (version: number): Promise<Array<ProtocolDiagnostic & { message: string }>> => {
    for (let i = 0; i < 200; i++) {
      const p = published.filter((d) => d.uri === URI).pop();
      if (p && p.version === version) return p.diagnostics.map((d) => ({ ...d, message: String(d.message) }));
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`no diagnostics for version ${version}`);
  };
  const hints = (): Promise<InlayHint[]> =>
    client.sendRequest('textDocument/inlayHint', {
      textDocument: { uri: URI },
      range: { start: { line: 0, character: 0 }, end: { line: 1000, character: 0 } },
    });
  const open = (text: string) =>
    client.sendNotification('textDocument/didOpen', {
      textDocument: { uri: URI, languageId: 'python', version: 1, text },
    });
  const change = (version: number, text: string) =>
    client.sendNotification('textDocument/didChange', {
      textDocument: { uri: URI, version },
      contentChanges: [{ text }],
    });
  const close = () => {
    client.dispose();
    server.dispose();
  };
  return { client, diagnosticsOf, hints, open, change, close };
}

describe('faults stay local in the language server', function () {
  this.timeout(60000);

  it('leaves a document past the size limit unparsed, with one note, until it is smaller', async () => {
    for (const [locale, pattern] of [
      ['en', /does not analyse this document: it is 5\.1 MB, past its limit of 5 MB/],
      ['zh-CN', /不分析这个文档：它有 5\.1 MB，超过了 5 MB 的上限/],
    ] as const) {
      const s = await inProcessServer(locale);
      try {
        const big = `${MODEL}${'x = 1\n'.repeat(Math.ceil(MAX_DOCUMENT_BYTES / 6) + 10000)}`;
        await s.open(big);
        const d = await s.diagnosticsOf(1);
        assert.strictEqual(d.length, 1);
        assert.strictEqual(d[0].code, 'analysis-stopped');
        assert.strictEqual(d[0].severity, DiagnosticSeverity.Hint);
        assert.match(d[0].message, pattern);
        assert.deepStrictEqual(await s.hints(), []);
        await s.change(2, MODEL);
        assert.ok((await s.hints()).length > 0);
        assert.ok((await s.diagnosticsOf(2)).every((x) => x.code !== 'analysis-stopped'));
      } finally {
        s.close();
      }
    }
  });

  it('serves the last good answers marked stale when an analysis fails, and recovers at the next version', async () => {
    const s = await inProcessServer();
    try {
      await s.open(MODEL);
      const good = await s.diagnosticsOf(1);
      const goodHints = await s.hints();
      assert.ok(goodHints.length > 0 && good.length > 0);
      assert.ok(goodHints.every((h) => h.tooltip === undefined));

      await s.change(2, `${MODEL}x = FAIL_HERE\n`);
      const stale = await s.diagnosticsOf(2);
      assert.strictEqual(stale[0].code, 'analysis-stopped');
      assert.match(stale[0].message, /could not analyse this version of the file .* those of version 1/);
      assert.deepStrictEqual(stale.slice(1), good);
      const staleHints = await s.hints();
      assert.deepStrictEqual(
        staleHints.map((h) => h.label),
        goodHints.map((h) => h.label),
      );
      assert.ok(staleHints.every((h) => /^From version 1 of the file/.test(String(h.tooltip))));
      const hover = await s.client.sendRequest('textDocument/hover', {
        textDocument: { uri: URI },
        position: { line: 1, character: 90 },
      });
      assert.match(JSON.stringify(hover), /From version 1 of the file/);
      const fixes = await s.client.sendRequest('textDocument/codeAction', {
        textDocument: { uri: URI },
        range: { start: { line: 1, character: 0 }, end: { line: 1, character: 200 } },
        context: { diagnostics: stale.slice(1) },
      });
      assert.deepStrictEqual(fixes, []);

      await s.change(3, MODEL);
      assert.deepStrictEqual(await s.diagnosticsOf(3), good);
      assert.deepStrictEqual(await s.hints(), goodHints);
    } finally {
      s.close();
    }
  });

  it('says the analysis failed when no earlier version was analysed', async () => {
    const s = await inProcessServer();
    try {
      await s.open(`${MODEL}x = FAIL_HERE\n`);
      const d = await s.diagnosticsOf(1);
      assert.strictEqual(d.length, 1);
      assert.match(d[0].message, /could not analyse this file/);
      assert.deepStrictEqual(await s.hints(), []);
    } finally {
      s.close();
    }
  });
});
