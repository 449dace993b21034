#!/usr/bin/env node
/**
 * `npm run bench`: drives the bundled language server over stdio, as a bare
 * client does (each `didChange` followed by an `inlayHint` request, waiting
 * for its answer), on generated model files of 1,000, 5,000 and 20,000 lines,
 * and prints and writes to bench/RESULTS.md: p50/p99 of didChange -> inlayHint
 * for three kinds of edit and two ranges; the full analysis against
 * web-tree-sitter's own full and incremental parse of the same text; cold start
 * to the first hint; RSS with 200 files open; and, where a Python with Keras is
 * found, Keras's time to print the seed's summary beside Shape Lens's.
 * Figures, not a pass/fail test. `BENCH_SIZES=1000,5000` runs fewer sizes.
 */
'use strict';
const { spawn, spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const rpc = require('vscode-languageserver-protocol/node');
const { modelFile, sequentialChainFile, manyModelsFile, smallFile } = require('./bench-files');

const root = path.resolve(__dirname, '..');
const SIZES = (process.env.BENCH_SIZES ?? '1000,5000,20000').split(',').map(Number);
/**
 * The generated files (`bench-files.js`), each with the statement the typing edits type: a functional
 * CNN where each line reads the last, one Sequential built by `model.add` lines, and many small
 * models that share nothing. `BENCH_FILES=functional` runs fewer.
 */
const FILES = {
  functional: { make: modelFile, typed: 'x = layers.Dense(32)(x)' },
  sequential: { make: sequentialChainFile, typed: 'model.add(layers.Dense(32))' },
  many: { make: manyModelsFile, typed: 'extra = layers.Dense(32)' },
};
const FILE_NAMES = (process.env.BENCH_FILES ?? Object.keys(FILES).join(',')).split(',');
/** The pause before each keystroke of the `paused` typing, in ms: a person typing about ten characters a second. */
const PAUSE_MS = 100;
/** Measured keystrokes per size and series (fewer on large files: each costs more); the first WARMUP are not counted. */
const KEYSTROKES = { 1000: 100, 5000: 40, 20000: 20 };
const WARMUP = 10;
/** When the RSS of an idle server is read, in ms after the last answer: past the collections that shrink its young generation. */
const IDLE_RSS_MS = 22000;
/**
 * The Node flags the VS Code client starts the server with (client/src/extension.ts); `BENCH_SERVER_FLAGS`
 * (space-separated) measures others.
 */
const SERVER_FLAGS = process.env.BENCH_SERVER_FLAGS?.split(' ').filter(Boolean) ?? [
  '--max-semi-space-size=64',
  '--expose-gc',
];

const pct = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
const ms = (t0) => Number(process.hrtime.bigint() - t0) / 1e6;
const f = (x) => (x >= 100 ? x.toFixed(0) : x.toFixed(2));

/** The folder of the server's code cache, as the VS Code client gives it one (server/src/lsp/boot.ts). */
const CODE_CACHE = fs.mkdtempSync(path.join(os.tmpdir(), 'shape-lens-bench-cache-'));
/** How long the server takes to write its code cache after it started (`WRITE_DELAY_MS` in boot.ts), with a margin. */
const CODE_CACHE_WRITTEN_MS = 6000;

async function startServer() {
  const t0 = process.hrtime.bigint();
  const child = spawn(process.execPath, [...SERVER_FLAGS, path.join(root, 'dist', 'server.js'), '--stdio'], {
    stdio: ['pipe', 'pipe', 'inherit'],
    // The server's counters (analyses, runs resumed) answer `shapeLens/stats`.
    env: { ...process.env, SHAPE_LENS_STATS: '1', SHAPE_LENS_CODE_CACHE: CODE_CACHE },
  });
  const conn = rpc.createProtocolConnection(
    new rpc.StreamMessageReader(child.stdout),
    new rpc.StreamMessageWriter(child.stdin),
  );
  conn.listen();
  await conn.sendRequest(rpc.InitializeRequest.type, { processId: process.pid, rootUri: null, capabilities: {} });
  await conn.sendNotification(rpc.InitializedNotification.type, {});
  return { child, conn, t0 };
}

async function stopServer({ child, conn }) {
  await conn.sendRequest(rpc.ShutdownRequest.type);
  await conn.sendNotification(rpc.ExitNotification.type);
  conn.dispose();
  await new Promise((r) => (child.exitCode !== null ? r() : child.on('exit', r)));
}

/** CPU time (user + system, all threads) a process has used so far, in ms: a figure the machine's load does not inflate. */
function cpuMs(pid) {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
}

function rssMb(pid) {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)[1]) / 1024;
}

/** One open document edited over LSP: applies an edit and times didChange -> inlayHint answer. */
class Doc {
  constructor(conn, uri, text) {
    Object.assign(this, { conn, uri, lines: text.split('\n'), version: 1 });
  }
  async open() {
    await this.conn.sendNotification(rpc.DidOpenTextDocumentNotification.type, {
      textDocument: { uri: this.uri, languageId: 'python', version: 1, text: this.lines.join('\n') },
    });
  }
  hints(range) {
    return this.conn.sendRequest(rpc.InlayHintRequest.type, { textDocument: { uri: this.uri }, range });
  }
  /** Replaces characters [c0, c1) of `line` by `text` (no newline), then asks for hints of the whole file or 60 lines. */
  async edit(line, c0, c1, text, whole) {
    const l = this.lines[line];
    this.lines[line] = l.slice(0, c0) + text + l.slice(c1);
    const t0 = process.hrtime.bigint();
    await this.conn.sendNotification(rpc.DidChangeTextDocumentNotification.type, {
      textDocument: { uri: this.uri, version: ++this.version },
      contentChanges: [{ range: { start: { line, character: c0 }, end: { line, character: c1 } }, text }],
    });
    const range = whole
      ? { start: { line: 0, character: 0 }, end: { line: this.lines.length, character: 0 } }
      : { start: { line: Math.max(0, line - 30), character: 0 }, end: { line: line + 30, character: 0 } };
    const hints = await this.hints(range);
    return { time: ms(t0), hints: hints.length };
  }
  /** Inserts a whole line before `line` (an edit whose range is empty, text ending in a newline). */
  async insertLine(line, text) {
    this.lines.splice(line, 0, text);
    await this.conn.sendNotification(rpc.DidChangeTextDocumentNotification.type, {
      textDocument: { uri: this.uri, version: ++this.version },
      contentChanges: [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: `${text}\n` }],
    });
  }
  async deleteLine(line) {
    this.lines.splice(line, 1);
    await this.conn.sendNotification(rpc.DidChangeTextDocumentNotification.type, {
      textDocument: { uri: this.uri, version: ++this.version },
      contentChanges: [{ range: { start: { line, character: 0 }, end: { line: line + 1, character: 0 } }, text: '' }],
    });
  }
}

function rng(seed) {
  return () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
}

/** The kinds of edit; each returns the didChange -> inlayHint times of the keystrokes it made. */
const KINDS = {
  /** One digit of a conv layer's filter count changed: the file stays valid. */
  async valid(doc, rand, whole) {
    const conv = doc.lines.map((l, i) => (l.includes('Conv2D(') ? i : -1)).filter((i) => i >= 0);
    const line = conv[Math.floor(rand() * conv.length)];
    const col = doc.lines[line].indexOf('Conv2D(') + 7;
    return [(await doc.edit(line, col, col + 1, String(1 + Math.floor(rand() * 9)), whole)).time];
  },
  /** A new statement typed character by character on a new line, then erased the same way. */
  async typing(doc, rand, whole, pause = 0) {
    const stmt = doc.typed;
    // At the start of a top-level statement, so that the typed line is a statement of its own.
    const tops = doc.lines.map((l, i) => (i >= 6 && i < doc.lines.length - 14 && /^[a-z]/.test(l) ? i : -1));
    const at = tops.filter((i) => i >= 0);
    const line = at[Math.floor(rand() * at.length)];
    await doc.insertLine(line, '');
    const times = [];
    const wait = () => pause && new Promise((r) => setTimeout(r, pause));
    for (let c = 0; c < stmt.length; c++) {
      await wait();
      times.push((await doc.edit(line, c, c, stmt[c], whole)).time);
    }
    for (let c = stmt.length; c > 0; c--) {
      await wait();
      times.push((await doc.edit(line, c - 1, c, '', whole)).time);
    }
    await doc.deleteLine(line);
    return times;
  },
  /** The same typing with a pause before each keystroke, as a person types: the server has idle moments. */
  async paused(doc, rand, whole) {
    return KINDS.typing(doc, rand, whole, PAUSE_MS);
  },
  /** A character that breaks the syntax inserted somewhere, then removed. */
  async break(doc, rand, whole) {
    const line = 5 + Math.floor(rand() * (doc.lines.length - 10));
    const col = Math.floor(rand() * (doc.lines[line].length + 1));
    const ch = '([{:=,'[Math.floor(rand() * 6)];
    const a = await doc.edit(line, col, col, ch, whole);
    const b = await doc.edit(line, col, col + 1, '', whole);
    return [a.time, b.time];
  },
};

/** web-tree-sitter alone, in this process: full parse and incremental reparse after a one-character edit. */
async function parseFloor(text) {
  const TS = require('web-tree-sitter');
  const dir = path.join(root, 'grammars');
  await TS.Parser.init({ locateFile: (file) => path.join(dir, file) });
  const lang = await TS.Language.load(path.join(dir, 'tree-sitter-python.wasm'));
  const parser = new TS.Parser();
  parser.setLanguage(lang);
  const runs = 10;
  let full = Infinity;
  let tree;
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    const t = parser.parse(text);
    full = Math.min(full, ms(t0));
    if (tree) t.delete();
    else tree = t;
  }
  const at = text.indexOf('Conv2D(') + 7;
  let incr = Infinity;
  for (let i = 0; i < runs; i++) {
    const edited = `${text.slice(0, at)}${i % 9}${text.slice(at + 1)}`;
    const copy = tree.copy();
    const pos = copy.rootNode.descendantForIndex(at).startPosition;
    const t0 = process.hrtime.bigint();
    copy.edit({
      startIndex: at,
      oldEndIndex: at + 1,
      newEndIndex: at + 1,
      startPosition: pos,
      oldEndPosition: { row: pos.row, column: pos.column + 1 },
      newEndPosition: { row: pos.row, column: pos.column + 1 },
    });
    const t = parser.parse(edited, copy);
    incr = Math.min(incr, ms(t0));
    t.delete();
    copy.delete();
  }
  tree.delete();
  return { full, incr };
}

/** The server's full analysis of a text it has not seen: open as a new document, time to the first hints (min of runs). */
async function fullAnalysis(conn, text, tag) {
  let best = Infinity;
  for (let i = 0; i < 5; i++) {
    const doc = new Doc(conn, `file:///bench/full-${tag}-${i}.py`, text);
    const t0 = process.hrtime.bigint();
    await doc.open();
    await doc.hints({ start: { line: 0, character: 0 }, end: { line: doc.lines.length, character: 0 } });
    best = Math.min(best, ms(t0));
    await conn.sendNotification(rpc.DidCloseTextDocumentNotification.type, { textDocument: { uri: doc.uri } });
  }
  return best;
}

function findKerasPython() {
  // A Python with keras: $SHAPE_LENS_PYTHON, else python3 on PATH.
  const candidates = [process.env.SHAPE_LENS_PYTHON, 'python3'].filter(Boolean);
  for (const py of candidates) {
    const r = spawnSync(py, ['-c', 'import keras'], { env: { ...process.env, KERAS_BACKEND: 'jax' }, stdio: 'ignore' });
    if (r.status === 0) return py;
  }
  return undefined;
}

/** Real Keras running the seed and printing its summary, beside `shape-lens summary` on the same file (wall clock). */
function kerasVsShapeLens(text) {
  const file = path.join(os.tmpdir(), `shape-lens-bench-seed-${process.pid}.py`);
  fs.writeFileSync(file, `${text}model.summary()\n`);
  const t1 = process.hrtime.bigint();
  const sl = spawnSync(process.execPath, [path.join(root, 'bin', 'shape-lens.js'), 'summary', file], {
    stdio: 'ignore',
  });
  const shapeLens = ms(t1);
  const py = findKerasPython();
  let keras;
  if (py) {
    const t0 = process.hrtime.bigint();
    const r = spawnSync(py, [file], { env: { ...process.env, KERAS_BACKEND: 'jax' }, stdio: 'ignore' });
    keras = r.status === 0 ? { py, time: ms(t0) } : { py, failed: r.status };
  }
  fs.unlinkSync(file);
  return { shapeLens, shapeLensStatus: sl.status, keras };
}

async function main() {
  const out = [];
  const say = (s) => {
    console.log(s);
    out.push(s);
  };
  say(`# Benchmark figures (\`npm run bench\`)`);
  say('');
  say(
    `One run on ${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'cpu'}), Node ${process.version}, ${new Date().toISOString().slice(0, 10)}, load average at start ${os
      .loadavg()
      .map((x) => x.toFixed(1))
      .join(' / ')}. ` +
      `Server: \`node ${SERVER_FLAGS.join(' ')} dist/server.js --stdio\`. ` +
      `Times are didChange -> inlayHint answer, each keystroke waiting for its answer, first ${WARMUP} keystrokes of each series not counted (JIT warm-up).`,
  );
  say('');

  // Cold start: spawn to the first hints of the 1,000-line file; first with no code cache (the first start
  // of a new version, which then writes it), then with it (every later start), best of three.
  {
    const coldStart = async (linger = 0) => {
      const server = await startServer();
      const doc = new Doc(server.conn, 'file:///bench/cold.py', modelFile(1000));
      await doc.open();
      const hints = await doc.hints({
        start: { line: 0, character: 0 },
        end: { line: doc.lines.length, character: 0 },
      });
      const run = { wall: ms(server.t0), cpu: cpuMs(server.child.pid), hints: hints.length };
      await new Promise((r) => setTimeout(r, linger));
      await stopServer(server);
      return run;
    };
    const first = await coldStart(CODE_CACHE_WRITTEN_MS);
    const cached = [await coldStart(), await coldStart(), await coldStart()].sort((a, b) => a.wall - b.wall)[0];
    say(
      `Cold start (spawn -> first hints of a 1,000-line file), with the code cache: **${f(cached.wall)} ms** (${cached.hints} hints; server CPU ${f(cached.cpu)} ms; best of 3); ` +
        `the first start, with none: ${f(first.wall)} ms (CPU ${f(first.cpu)} ms).`,
    );
  }

  // RSS with 200 files of ~220 lines open, each analysed once (hints asked), then closed none.
  {
    const server = await startServer();
    for (let k = 0; k < 200; k++) {
      const doc = new Doc(server.conn, `file:///bench/small-${k}.py`, smallFile(k));
      await doc.open();
      await doc.hints({ start: { line: 0, character: 0 }, end: { line: doc.lines.length, character: 0 } });
    }
    await new Promise((r) => setTimeout(r, 500));
    const busy = rssMb(server.child.pid);
    // Idle, the server collects until V8 gives the young generation's memory back (server/src/lsp/heap.ts).
    await new Promise((r) => setTimeout(r, IDLE_RSS_MS - 500));
    say(
      `RSS with 200 files of ~220 lines open, hints asked for each: **${f(rssMb(server.child.pid))} MB** once idle (${IDLE_RSS_MS / 1000} s after the last answer); ${f(busy)} MB 0.5 s after it.`,
    );
    await stopServer(server);
  }
  say('');

  say('| file | edit | range | p50 ms | p99 ms | max ms | keystrokes |');
  say('|---|---|---|---|---|---|---|');
  const ratios = [];
  for (const n of SIZES) {
    for (const name of FILE_NAMES) {
      const { make, typed } = FILES[name];
      const text = make(n);
      const server = await startServer();
      if (name === 'functional') {
        const full = await fullAnalysis(server.conn, text, n);
        const floor = await parseFloor(text);
        ratios.push({ n, full, floor });
      }
      for (const kind of Object.keys(KINDS)) {
        for (const whole of [true, false]) {
          if (kind === 'paused' && !whole) continue;
          const doc = new Doc(server.conn, `file:///bench/model-${n}-${name}-${kind}-${whole}.py`, text);
          doc.typed = typed;
          await doc.open();
          await doc.hints({ start: { line: 0, character: 0 }, end: { line: 1, character: 0 } });
          const rand = rng(12345 + n);
          const all = [];
          while (all.length < (KEYSTROKES[n] ?? 20) + WARMUP) all.push(...(await KINDS[kind](doc, rand, whole)));
          const times = all.slice(WARMUP);
          times.sort((a, b) => a - b);
          say(
            `| ${n.toLocaleString('en-US')} lines, ${name} | ${kind} | ${whole ? 'whole file' : '60 lines'} | ${f(pct(times, 50))} | ${f(pct(times, 99))} | ${f(times[times.length - 1])} | ${times.length} |`,
          );
          await server.conn.sendNotification(rpc.DidCloseTextDocumentNotification.type, {
            textDocument: { uri: doc.uri },
          });
        }
      }
      const stats = await server.conn.sendRequest('shapeLens/stats').catch(() => undefined);
      if (stats && stats.resumed !== undefined)
        say(
          `| ${n.toLocaleString('en-US')} lines, ${name} | (${stats.analyses} analyses, ${stats.resumed} resumed a run made ahead, ${stats.skipped.toLocaleString('en-US')} statements not run again; ${stats.groupRuns ?? 0} ran only the groups an edit touched, keeping ${(stats.kept ?? 0).toLocaleString('en-US')} statements) | | | | | |`,
        );
      await stopServer(server);
    }
  }
  say('');
  say(
    'Full analysis (open -> first hints of an unseen copy, best of 5, over LSP) against web-tree-sitter in this process (best of 10):',
  );
  say('');
  say('| file | full analysis ms | tree-sitter full parse ms | ratio | tree-sitter incremental reparse (1 char) ms |');
  say('|---|---|---|---|---|');
  for (const { n, full, floor } of ratios)
    say(
      `| ${n.toLocaleString('en-US')} lines | ${f(full)} | ${f(floor.full)} | ${(full / floor.full).toFixed(1)}x | ${f(floor.incr)} |`,
    );
  say('');
  const kv = kerasVsShapeLens(modelFile(1000));
  const sl = `\`shape-lens summary\` (new process, wall clock): ${f(kv.shapeLens)} ms${kv.shapeLensStatus === 0 ? '' : ` (exit ${kv.shapeLensStatus})`}`;
  if (!kv.keras)
    say(
      `Seed summary (1,000-line file): ${sl}; no Python with \`keras\` found ($SHAPE_LENS_PYTHON, python3), Keras not timed.`,
    );
  else if (kv.keras.failed !== undefined)
    say(`Seed summary (1,000-line file): ${sl}; Keras (${kv.keras.py}) exited ${kv.keras.failed}.`);
  else
    say(
      `Seed summary (1,000-line file): ${sl}; real Keras (\`${kv.keras.py}\`, jax backend, new process): ${f(kv.keras.time)} ms.`,
    );
  if (!process.env.BENCH_NO_WRITE) {
    const file = path.join(root, 'bench', 'RESULTS.md');
    // The file's other sections (the fuzzer's figures) are kept: a run replaces only its own.
    const others = (fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '')
      .split(/^(?=# )/m)
      .filter((section) => section.startsWith('# ') && !section.startsWith('# Benchmark figures (`npm run bench`)'))
      .join('');
    fs.writeFileSync(file, `${out.join('\n')}\n${others ? `\n${others}` : ''}`);
  }
  fs.rmSync(CODE_CACHE, { recursive: true, force: true });
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
