/**
 * Protocol hygiene: lines counted as LSP counts them, requests before
 * `initialize` refused with -32002, an unframeable stream ending the server.
 */

import * as assert from 'assert';
import { spawn } from 'child_process';
import * as path from 'path';
import { analyze, summaryJson } from '../../server/src/analysis';
import { lineStartsOf } from '../../server/src/syntax/ast';
import { loadPythonParser } from '../../server/src/syntax/parser';
import { REPO_ROOT } from '../helpers/truth';

const MODEL = ['import keras', '# a comment', 'm = keras.Sequential([keras.Input((4,)), keras.layers.Dense(3)])', ''];

function startServer() {
  const child = spawn(process.execPath, [path.join(REPO_ROOT, 'dist', 'server.js'), '--stdio'], { stdio: 'pipe' });
  let out = '';
  let err = '';
  child.stdout.on('data', (d) => (out += String(d)));
  child.stderr.on('data', (d) => (err += String(d)));
  const send = (o: unknown) => {
    const s = JSON.stringify(o);
    child.stdin.write(`Content-Length: ${Buffer.byteLength(s)}\r\n\r\n${s}`);
  };
  return { child, send, out: () => out, err: () => err };
}

async function until(check: () => boolean, ms = 15000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('protocol hygiene', function () {
  this.timeout(30000);

  it('ends lines at \\r\\n, \\n and a lone \\r, as LSP does', () => {
    assert.deepStrictEqual(lineStartsOf('a\rb\r\nc\nd'), [0, 2, 5, 7]);
    assert.deepStrictEqual(lineStartsOf('a\r'), [0, 2]);
    assert.deepStrictEqual(lineStartsOf('a\r\n'), [0, 3]);
  });

  it('analyses a file with lone \\r line ends as the same file with \\n', async () => {
    const parser = await loadPythonParser();
    for (const eol of ['\r', '\r\n']) {
      const a = summaryJson(analyze(MODEL.join(eol), parser));
      const b = summaryJson(analyze(MODEL.join('\n'), parser));
      assert.deepStrictEqual(a, b, JSON.stringify(eol));
      assert.strictEqual((a.models as unknown[]).length, 1);
    }
  });

  it('refuses a request before initialize with -32002', async () => {
    const s = startServer();
    try {
      s.send({
        jsonrpc: '2.0',
        id: 1,
        method: 'textDocument/hover',
        params: { textDocument: { uri: 'file:///a.py' }, position: { line: 0, character: 0 } },
      });
      await until(() => s.out().includes('"id":1'));
      assert.match(s.out(), /"error":\{"code":-32002/);
    } finally {
      s.child.kill();
    }
  });

  it('skips a framed message that is not JSON, and answers InvalidParams to parameters of the wrong shape', async () => {
    const s = startServer();
    try {
      s.send({
        jsonrpc: '2.0',
        id: 1,
        method: 'initialize',
        params: { processId: null, rootUri: null, capabilities: {} },
      });
      await until(() => s.out().includes('"id":1'));
      const notJson = '{"jsonrpc":"2.0","id":2,"method":';
      s.child.stdin.write(`Content-Length: ${Buffer.byteLength(notJson)}\r\n\r\n${notJson}`);
      s.send({
        jsonrpc: '2.0',
        id: 3,
        method: 'textDocument/hover',
        params: { textDocument: { uri: 'file:///a.py' }, position: 'start' },
      });
      s.send({
        jsonrpc: '2.0',
        id: 4,
        method: 'textDocument/inlayHint',
        params: { textDocument: { uri: 'file:///a.py' } },
      });
      await until(() => s.out().includes('"id":4'));
      assert.match(s.out(), /"id":3,"error":\{"code":-32602/);
      assert.match(s.out(), /"id":4,"error":\{"code":-32602/);
      assert.match(s.err(), /skipped a message that is not JSON/);
      assert.doesNotMatch(s.out() + s.err(), /\n\s+at /);
      assert.strictEqual(s.child.exitCode, null);
    } finally {
      s.child.kill();
    }
  });

  it('exits with a message on stderr when the stream cannot be framed', async () => {
    const s = startServer();
    s.child.stdin.write('Content-Length: abc\r\n\r\n{}');
    await until(() => s.child.exitCode !== null);
    assert.strictEqual(s.child.exitCode, 1);
    assert.match(s.err(), /cannot read the LSP stream/);
  });
});
