#!/usr/bin/env node
/**
 * `npm run bench`: drives the bundled language server over stdio on a
 * generated 1,000-line model file and reports the time from `didChange` to
 * the answer of the next `inlayHint` request, over 500 edits (figures, not a
 * pass/fail test).
 */
'use strict';
const { spawn } = require('child_process');
const path = require('path');
const rpc = require('vscode-languageserver-protocol/node');

const root = path.resolve(__dirname, '..');
const EDITS = 500;
/** Edits made first and reported apart: the server's code is still being optimised by the JIT. */
const WARMUP = 20;

/** A functional CNN of ~1,000 lines: conv blocks with helper calls, a loop and a head. */
function modelFile() {
  const lines = [
    'import keras',
    'from keras import layers',
    '',
    'inputs = keras.Input(shape=(64, 64, 3))',
    'x = inputs',
  ];
  for (let i = 0; lines.length < 990; i++) {
    lines.push(`x = layers.Conv2D(${16 + (i % 4) * 8}, 3, padding="same", activation="relu")(x)  # block ${i}`);
    lines.push('x = layers.BatchNormalization()(x)');
    if (i % 100 === 99) lines.push('x = layers.MaxPooling2D()(x)');
  }
  lines.push(
    'x = layers.GlobalAveragePooling2D()(x)',
    'x = layers.Dense(128, activation="relu")(x)',
    'outputs = layers.Dense(10, activation="softmax")(x)',
    'model = keras.Model(inputs, outputs)',
  );
  return `${lines.join('\n')}\n`;
}

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function main() {
  // The same Node flags the VS Code client starts the server with (client/src/extension.ts).
  const child = spawn(
    process.execPath,
    [
      '--max-semi-space-size=64',
      '--expose-gc',
      ...(process.env.BENCH_PROFILE ? ['--cpu-prof', '--cpu-prof-dir', process.env.BENCH_PROFILE] : []),
      path.join(root, 'dist', 'server.js'),
      '--stdio',
    ],
    { stdio: ['pipe', 'pipe', 'inherit'] },
  );
  const conn = rpc.createProtocolConnection(
    new rpc.StreamMessageReader(child.stdout),
    new rpc.StreamMessageWriter(child.stdin),
  );
  conn.listen();
  await conn.sendRequest(rpc.InitializeRequest.type, { processId: process.pid, rootUri: null, capabilities: {} });
  await conn.sendNotification(rpc.InitializedNotification.type, {});
  const uri = 'file:///bench/model.py';
  let text = modelFile();
  const lines = text.split('\n');
  await conn.sendNotification(rpc.DidOpenTextDocumentNotification.type, {
    textDocument: { uri, languageId: 'python', version: 1, text },
  });
  const range = { start: { line: 0, character: 0 }, end: { line: lines.length, character: 0 } };
  const t0 = process.hrtime.bigint();
  const first = await conn.sendRequest(rpc.InlayHintRequest.type, { textDocument: { uri }, range });
  console.log(
    `file: ${lines.length} lines; first hints after open: ${(Number(process.hrtime.bigint() - t0) / 1e6).toFixed(1)} ms (${first.length} hints)`,
  );

  // Edits as typing does them: change the filter count of a conv line (one digit), all over the file.
  const convLines = lines.map((l, i) => (l.includes('Conv2D(') ? i : -1)).filter((i) => i >= 0);
  const times = [];
  let version = 1;
  let seed = 12345;
  const rand = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const warmup = [];
  for (let k = 0; k < EDITS + WARMUP; k++) {
    const line = convLines[Math.floor(rand() * convLines.length)];
    const col = lines[line].indexOf('Conv2D(') + 7;
    const oldDigit = lines[line][col];
    const digit = String(1 + Math.floor(rand() * 9));
    lines[line] = lines[line].slice(0, col) + digit + lines[line].slice(col + 1);
    const start = process.hrtime.bigint();
    await conn.sendNotification(rpc.DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version: ++version },
      contentChanges: [{ range: { start: { line, character: col }, end: { line, character: col + 1 } }, text: digit }],
    });
    // As an editor does: hints for the visible lines around the edit (60 lines).
    const view = { start: { line: Math.max(0, line - 30), character: 0 }, end: { line: line + 30, character: 0 } };
    const hints = await conn.sendRequest(rpc.InlayHintRequest.type, { textDocument: { uri }, range: view });
    (k < WARMUP ? warmup : times).push(Number(process.hrtime.bigint() - start) / 1e6);
    if (hints.length === 0) throw new Error(`no hints after edit ${k} on line ${line}: ${lines[line]}`);
    void oldDigit;
  }
  text = lines.join('\n');
  times.sort((a, b) => a - b);
  const f = (x) => x.toFixed(2);
  const all = [...warmup, ...times].sort((a, b) => a - b);
  console.log(`first ${WARMUP} edits after open (JIT warm-up), ms: ${warmup.map(f).join(' ')}`);
  console.log(
    `next ${EDITS} edits, didChange -> inlayHint answer for the 60 visible lines (ms): p50 ${f(percentile(times, 50))}  p90 ${f(percentile(times, 90))}  p99 ${f(percentile(times, 99))}  max ${f(times[times.length - 1])}`,
  );
  console.log(
    `all ${all.length} edits, warm-up included (ms): p50 ${f(percentile(all, 50))}  p90 ${f(percentile(all, 90))}  p99 ${f(percentile(all, 99))}  max ${f(all[all.length - 1])}`,
  );
  await conn.sendRequest(rpc.ShutdownRequest.type);
  await conn.sendNotification(rpc.ExitNotification.type);
  conn.dispose();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
