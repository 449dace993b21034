#!/usr/bin/env node
/**
 * `npm run bench:hostile`: each hostile program of `test/truth/hostile/`, and
 * the pathological documents `npm run fuzz` sends (a megabyte of concatenated
 * programs, a 180 KB line, 3,000 nested brackets, 2,000 lines of backslashes),
 * measured two ways, each in a fresh process (figures, not a test):
 *
 * - the analysis alone (grammar loaded, a small file analysed first, as an
 *   idle server would have): its time, and the peak resident set it added;
 * - the built language server over stdio (`bin/shape-lens.js --stdio` with the
 *   client's flags, a small document answered first): the time from opening the
 *   document to the answer of inlay hints and of a hover sent with them, the
 *   server's CPU time meanwhile (user and system: the figure a loaded machine
 *   moves least), and its peak resident set (the kernel's high-water mark), whole.
 *
 * `--only NAME` measures the inputs whose name contains NAME.
 */
'use strict';
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '..');
const dir = path.join(root, 'test', 'truth', 'hostile');

if (process.argv[2] === '--one') {
  require('tsx/cjs');
  const { analyze, diagnostics } = require(path.join(root, 'server', 'src', 'analysis'));
  const { loadPythonParser } = require(path.join(root, 'server', 'src', 'syntax', 'parser'));
  loadPythonParser().then((parser) => {
    diagnostics(
      analyze('import keras\nm = keras.Sequential([keras.Input(shape=(2,)), keras.layers.Dense(1)])\n', parser),
    );
    global.gc?.();
    const idle = process.memoryUsage().rss;
    const text = fs.readFileSync(process.argv[3], 'utf8');
    let peak = idle;
    const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
    const started = process.hrtime.bigint();
    const notes = diagnostics(analyze(text, parser)).filter((d) => d.code === 'analysis-stopped').length;
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    clearInterval(timer);
    // Resident set sampled on a timer misses a synchronous peak: take the kernel's high-water mark too.
    peak = Math.max(peak, process.resourceUsage().maxRSS * 1024);
    process.stdout.write(JSON.stringify({ ms, mb: (peak - idle) / 2 ** 20, notes, bytes: text.length }));
  });
  return;
}

/** The pathological documents of `scripts/fuzz-edits.js`, each made deterministically (programs taken in turn). */
function pathologicalDocuments() {
  const E = require('./fuzz-edits');
  const files = E.corpus();
  const names = ['fuzz: 180 KB line', 'fuzz: 1 MB of programs', 'fuzz: 3,000 brackets', 'fuzz: 2,000 backslash lines'];
  return names.map((name, k) => {
    let turn = 0;
    const r = { int: () => k, pick: (items) => items[turn++ % items.length], size: (max) => max };
    return { name, text: E.pathological(r, files) };
  });
}

/** CPU time (user and system) a process has used, in ms: steadier than wall time on a loaded machine. */
function cpuMs(pid) {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
}

/** Opens `text` in a fresh server: times of the hints and hover answers, and the server's peak resident set. */
async function overLsp(text) {
  const { BareClient } = require('./fuzz-client');
  const E = require('./fuzz-edits');
  const c = await new BareClient().initialize();
  try {
    const range = { start: { line: 0, character: 0 }, end: { line: 1e6, character: 0 } };
    const warm = 'file:///bench/warm.py';
    c.notify('textDocument/didOpen', {
      textDocument: {
        uri: warm,
        languageId: 'python',
        version: 1,
        text: 'import keras\nm = keras.Sequential([keras.Input(shape=(2,)), keras.layers.Dense(1)])\n',
      },
    });
    await c.request('textDocument/inlayHint', { textDocument: { uri: warm }, range }, 60000);
    const uri = 'file:///bench/hostile.py';
    const cpu0 = cpuMs(c.child.pid);
    c.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'python', version: 1, text } });
    const starts = E.lineStarts(text);
    const [hints, hover] = await Promise.all([
      c.request('textDocument/inlayHint', { textDocument: { uri }, range }, 120000),
      c.request(
        'textDocument/hover',
        { textDocument: { uri }, position: E.positionAt(starts, Math.floor(text.length / 2)) },
        120000,
      ),
    ]);
    // The light bulb over the whole file: every diagnostic's quick fixes.
    const actions = await c.request(
      'textDocument/codeAction',
      { textDocument: { uri }, range, context: { diagnostics: [] } },
      120000,
    );
    const cpu = cpuMs(c.child.pid) - cpu0;
    const status = fs.readFileSync(`/proc/${c.child.pid}/status`, 'utf8');
    const hwm = Number(/VmHWM:\s+(\d+)/.exec(status)[1]) / 1024;
    const failed = [hints, hover, actions].some((x) => x.timedOut || x.exited);
    return {
      hintsMs: hints.ms,
      hoverMs: hover.ms,
      actionsMs: actions.ms,
      cpuMs: cpu,
      peakMb: hwm,
      failed,
      alive: c.alive,
    };
  } finally {
    await c.kill();
  }
}

async function main() {
  const only = process.argv[2] === '--only' ? process.argv[3] : undefined;
  if (!fs.existsSync(path.join(root, 'dist', 'server.js'))) {
    console.error('bench:hostile: dist/ is missing; run `npm run build` first.');
    process.exit(2);
  }
  const tmp = fs.mkdtempSync(path.join(require('os').tmpdir(), 'shape-lens-hostile-'));
  const inputs = [
    ...fs
      .readdirSync(dir)
      .filter((f) => f.endsWith('.py'))
      .sort()
      .map((f) => ({ name: f, file: path.join(dir, f) })),
    ...pathologicalDocuments().map(({ name, text }, i) => {
      const file = path.join(tmp, `pathological-${i}.py`);
      fs.writeFileSync(file, text);
      return { name, file };
    }),
  ].filter((x) => !only || x.name.includes(only));
  console.log(
    `${'input'.padEnd(30)} ${'bytes'.padStart(8)} ${'ms'.padStart(7)} ${'+MB'.padStart(6)} ${'notes'.padStart(5)}` +
      `   ${'lsp hints ms'.padStart(12)} ${'hover ms'.padStart(8)} ${'fixes ms'.padStart(8)} ${'server CPU ms'.padStart(13)} ${'peak RSS MB'.padStart(11)}`,
  );
  try {
    for (const { name, file } of inputs) {
      const r = spawnSync(process.execPath, ['--expose-gc', '--max-semi-space-size=64', __filename, '--one', file], {
        encoding: 'utf8',
        maxBuffer: 1 << 26,
      });
      const x = r.status === 0 ? JSON.parse(r.stdout) : undefined;
      const lsp = await overLsp(fs.readFileSync(file, 'utf8'));
      const analysis = x
        ? `${String(x.bytes).padStart(8)} ${x.ms.toFixed(0).padStart(7)} ${x.mb.toFixed(1).padStart(6)} ${String(x.notes).padStart(5)}`
        : `failed: ${r.stderr.split('\n')[0]}`;
      const served = lsp.failed
        ? `no answer (server ${lsp.alive ? 'alive' : 'gone'})`
        : `${String(lsp.hintsMs).padStart(12)} ${String(lsp.hoverMs).padStart(8)} ${String(lsp.actionsMs).padStart(8)} ${lsp.cpuMs.toFixed(0).padStart(13)} ${lsp.peakMb.toFixed(0).padStart(11)}`;
      console.log(`${name.padEnd(30)} ${analysis}   ${served}`);
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(`bench:hostile: ${e instanceof Error ? e.message : e}`);
  process.exit(2);
});
