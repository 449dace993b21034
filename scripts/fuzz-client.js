/**
 * A bare LSP client for `npm run fuzz`: it starts the built server over stdio
 * and frames JSON-RPC itself (no protocol library), so that it can also write
 * bytes no library would (bad JSON, bad headers) and time every answer.
 */
'use strict';
const { spawn } = require('child_process');
const path = require('path');

const root = path.resolve(__dirname, '..');
/** The Node flags of `bin/shape-lens.js`'s shebang line (those the VS Code client starts the server with). */
const SERVER_FLAGS = ['--max-semi-space-size=64', '--expose-gc'];

class BareClient {
  /** `bin`: the `shape-lens` launcher to run with `--stdio`. */
  constructor(bin = path.join(root, 'bin', 'shape-lens.js')) {
    this.child = spawn(process.execPath, [...SERVER_FLAGS, bin, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.nextId = 1;
    this.pending = new Map();
    this.buffer = Buffer.alloc(0);
    this.stderr = '';
    /** Error-level `window/logMessage` texts, in order. */
    this.logErrors = [];
    /** The latest `textDocument/publishDiagnostics` params per URI. */
    this.published = new Map();
    /** Called with each `textDocument/publishDiagnostics` params. */
    this.onDiagnostics = () => undefined;
    this.exit = null;
    this.exited = new Promise((resolve) =>
      this.child.on('exit', (code, signal) => {
        this.exit = { code, signal };
        for (const p of this.pending.values()) p.resolve({ exited: true, ms: Date.now() - p.sent });
        this.pending.clear();
        resolve(this.exit);
      }),
    );
    this.child.stdin.on('error', () => undefined);
    this.child.stderr.on('data', (d) => (this.stderr += String(d)));
    this.child.stdout.on('data', (d) => this.read(d));
  }

  get alive() {
    return this.exit === null;
  }

  read(data) {
    this.buffer = Buffer.concat([this.buffer, data]);
    for (;;) {
      const end = this.buffer.indexOf('\r\n\r\n');
      if (end < 0) return;
      const header = this.buffer.subarray(0, end).toString('ascii');
      const m = /Content-Length: *(\d+)/i.exec(header);
      if (!m) throw new Error(`fuzz: the server wrote a header without Content-Length: ${header}`);
      const length = Number(m[1]);
      if (this.buffer.length < end + 4 + length) return;
      const body = this.buffer.subarray(end + 4, end + 4 + length).toString('utf8');
      this.buffer = this.buffer.subarray(end + 4 + length);
      this.dispatch(JSON.parse(body));
    }
  }

  dispatch(msg) {
    if (msg.id !== undefined && msg.method === undefined) {
      const p = this.pending.get(msg.id);
      if (!p) return;
      this.pending.delete(msg.id);
      clearTimeout(p.timer);
      p.resolve({ result: msg.result, error: msg.error, ms: Date.now() - p.sent });
    } else if (msg.id !== undefined) {
      // A request of the server (configuration, refresh, registration): answered with nothing.
      this.send({ jsonrpc: '2.0', id: msg.id, result: null });
    } else if (msg.method === 'textDocument/publishDiagnostics') {
      this.published.set(msg.params.uri, msg.params);
      this.onDiagnostics(msg.params);
    } else if (msg.method === 'window/logMessage' && msg.params.type === 1) {
      this.logErrors.push(msg.params.message);
    }
  }

  send(message) {
    this.writeRaw(frame(JSON.stringify(message)));
  }

  writeRaw(bytes) {
    if (this.alive) this.child.stdin.write(bytes);
  }

  notify(method, params) {
    this.send({ jsonrpc: '2.0', method, params });
  }

  /**
   * Sends a request; resolves with `{ result, error, ms }`, `{ timedOut, ms }` after `timeoutMs`,
   * or `{ exited }` if the server ends first. `id` is returned at once for `$/cancelRequest`.
   */
  request(method, params, timeoutMs = 30000) {
    const id = this.nextId++;
    const promise = new Promise((resolve) => {
      const sent = Date.now();
      const timer = setTimeout(() => {
        this.pending.delete(id);
        resolve({ timedOut: true, ms: Date.now() - sent });
      }, timeoutMs);
      this.pending.set(id, { resolve, sent, timer });
    });
    this.send({ jsonrpc: '2.0', id, method, params });
    return Object.assign(promise, { id });
  }

  async initialize() {
    const r = await this.request('initialize', { processId: process.pid, rootUri: null, capabilities: {} });
    if (!r.result) throw new Error(`fuzz: initialize failed: ${JSON.stringify(r)} ${this.stderr}`);
    this.notify('initialized', {});
    return this;
  }

  kill() {
    for (const p of this.pending.values()) clearTimeout(p.timer);
    this.pending.clear();
    if (this.alive) this.child.kill('SIGKILL');
    return this.exited;
  }
}

function frame(body) {
  return `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
}

module.exports = { BareClient, frame };
