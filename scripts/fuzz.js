#!/usr/bin/env node
/**
 * `npm run fuzz -- --steps N --seed S`: drives the built language server over
 * stdio as a bare LSP client with seeded random edits (scripts/fuzz-edits.js),
 * bursts of `didChange` sent without waiting, pathological documents, several
 * documents, and malformed traffic on a second server instance. After each step
 * it checks that the server answers (inlay hints and hover), that nothing
 * reached its stderr or error log, the time of every answer (slow ones are
 * counted, not failed: the machine may be loaded), that published diagnostics
 * belong to the newest version the server had seen, and, every `--sample`
 * steps, that the answers equal those of a fresh server opening the same text.
 * Prints progress and the figures; exits 1 when a check failed.
 */
'use strict';
const fs = require('fs');
const path = require('path');
const { parseArgs } = require('node:util');
const { BareClient } = require('./fuzz-client');
const E = require('./fuzz-edits');

/** Answers for documents under LIMIT_BYTES must come within SLOW_MS (counted as slow, not failed). */
const SLOW_MS = 250;
const LIMIT_BYTES = 100 * 1024;
const DOCS = ['file:///fuzz/doc-0.py', 'file:///fuzz/doc-1.py', 'file:///fuzz/doc-2.py'];

async function runFuzz(options = {}) {
  const o = { steps: 1000, seed: 1, sample: 25, malformedEvery: 40, progress: 0, maxMinutes: Infinity, ...options };
  const log = o.log ?? ((s) => process.stdout.write(s + '\n'));
  const r = E.random(o.seed);
  const files = E.corpus();
  const started = Date.now();
  const f = {
    seed: o.seed,
    steps: 0,
    requests: 0,
    crashes: 0,
    hangs: 0,
    exceptions: 0,
    analysisFailures: 0,
    staleSamplesSkipped: 0,
    errorAnswers: 0,
    stale: 0,
    disagreements: 0,
    samples: 0,
    slow: 0,
    slowest: { ms: 0 },
    malformed: { sent: 0, exitsAsDesigned: 0, failures: 0 },
    peakRssMb: 0,
    problems: [],
  };
  const docs = new Map(DOCS.map((uri) => [uri, { text: '', version: 0, open: false }]));
  /** Per document, the state the server had seen when it answered a request: later diagnostics must be at least that new. */
  const acked = new Map();
  /** `uri vN` of each analysis the server reported failed (it then serves the last good answers, marked stale). */
  const failedVersions = new Set();

  const problem = (kind, step, detail, text) => {
    if (f.problems.length < 50) f.problems.push({ kind, step, detail: String(detail).slice(0, 600) });
    log(`  ! step ${step}: ${kind}: ${String(detail).split('\n')[0].slice(0, 300)}`);
    if (o.dump && text !== undefined) {
      fs.mkdirSync(o.dump, { recursive: true });
      fs.writeFileSync(path.join(o.dump, `seed${o.seed}-step${step}-${kind}.py`), text);
    }
  };

  let server;
  let stderrSeen = 0;
  let logSeen = 0;
  let step = 0;
  async function startServer() {
    server = new BareClient(o.bin);
    stderrSeen = 0;
    logSeen = 0;
    acked.clear();
    server.onDiagnostics = (p) => {
      const a = acked.get(p.uri);
      if (!a) return;
      const cleared = p.version === undefined && p.diagnostics.length === 0;
      if (a.open ? (p.version ?? -1) < a.version && !cleared : p.diagnostics.length > 0)
        (f.stale++,
          problem('stale-diagnostics', step, `${p.uri}: version ${p.version} after v${a.version} was answered`));
    };
    await server.initialize();
    for (const [uri, d] of docs) if (d.open) openDoc(uri, d.text);
  }
  const fresh = await new BareClient(o.bin).initialize();
  let freshVersion = 0;
  let bad = await new BareClient(o.bin).initialize();
  await startServer();

  function openDoc(uri, text) {
    const d = docs.get(uri);
    Object.assign(d, { text, version: d.version + 1, open: true });
    // Reopened: its diagnostics may come before any answer says the server saw it open again.
    if (acked.get(uri)?.open === false) acked.delete(uri);
    server.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'python', version: d.version, text } });
  }
  function closeDoc(uri) {
    docs.get(uri).open = false;
    server.notify('textDocument/didClose', { textDocument: { uri } });
  }
  /** One edit, or the whole text when `edit` is a string. */
  function change(uri, edit) {
    const d = docs.get(uri);
    d.version++;
    let changes;
    if (typeof edit === 'string') {
      d.text = edit;
      changes = [{ text: edit }];
    } else {
      const starts = E.lineStarts(d.text);
      const range = { start: E.positionAt(starts, edit.start), end: E.positionAt(starts, edit.end) };
      d.text = d.text.slice(0, edit.start) + edit.text + d.text.slice(edit.end);
      changes = [{ range, text: edit.text }];
    }
    server.notify('textDocument/didChange', { textDocument: { uri, version: d.version }, contentChanges: changes });
  }
  function request(client, method, params, bytes) {
    const snapshot =
      client === server ? new Map([...docs].map(([u, d]) => [u, { version: d.version, open: d.open }])) : null;
    const p = client.request(method, params, bytes < LIMIT_BYTES ? 10000 : 60000);
    return p.then((a) => {
      if (snapshot && !a.timedOut && !a.exited) for (const [u, s] of snapshot) acked.set(u, s);
      return { ...a, method, bytes };
    });
  }
  const hintsOf = (client, uri, bytes) =>
    request(client, 'textDocument/inlayHint', { textDocument: { uri }, range: wholeRange() }, bytes);
  const hoverOf = (client, uri, position, bytes) =>
    request(client, 'textDocument/hover', { textDocument: { uri }, position }, bytes);
  const randomPosition = (text) => E.positionAt(E.lineStarts(text), E.settle(text, r.int(text.length + 1)));

  /** Checks the answers of one step; true when the server is still usable. */
  async function judge(answers, kind, stepMs) {
    let usable = true;
    for (const a of answers) {
      f.requests++;
      if (a.exited) {
        f.crashes++;
        problem(
          'crash',
          step,
          `${kind}: exit ${JSON.stringify(server.exit)}\n${server.stderr.slice(-2000)}`,
          current(),
        );
        usable = false;
        break;
      }
      if (a.timedOut) {
        f.hangs++;
        problem('hang', step, `${kind}: ${a.method} not answered in ${a.ms} ms (${a.bytes} bytes)`, current());
        usable = false;
        break;
      }
      if (a.error && a.error.code !== -32800 && a.error.code !== -32801)
        (f.errorAnswers++, problem('error-answer', step, `${a.method}: ${JSON.stringify(a.error)}`, current()));
      if (a.bytes < LIMIT_BYTES && a.ms > SLOW_MS) f.slow++;
    }
    if (stepMs > f.slowest.ms) f.slowest = { ms: stepMs, step, kind, bytes: current().length };
    const err = server.stderr.slice(stderrSeen);
    stderrSeen = server.stderr.length;
    const logged = server.logErrors.slice(logSeen);
    logSeen = server.logErrors.length;
    for (const e of [...err.split(/\n(?=\S)/), ...logged].filter((s) => s.trim())) {
      const failure = /(?:analysis|parse) of (\S+) (v\d+) failed/.exec(e);
      if (failure) (failedVersions.add(`${failure[1]} ${failure[2]}`), f.analysisFailures++);
      else f.exceptions++;
      problem(failure ? 'analysis-failure' : 'exception', step, `${kind}: ${e}`, current());
    }
    if (!usable) {
      f.peakRssMb = Math.max(f.peakRssMb, rssMb(server));
      await server.kill();
      await startServer();
    }
    return usable;
  }

  let uri = DOCS[0];
  const current = () => docs.get(uri).text;
  openDoc(uri, r.pick(files));

  /** Opens the text in the fresh server and compares hints, hover and diagnostics with the fuzzed one's. */
  async function compareWithFresh() {
    const d = docs.get(uri);
    if (!d.open || d.text.length >= LIMIT_BYTES) return;
    // Answers served stale after a failed analysis differ from a fresh open by design (the failure itself is counted).
    if (failedVersions.has(`${uri} v${d.version}`)) return void f.staleSamplesSkipped++;
    f.samples++;
    const diagnostics = await publishedFor(server, uri, d.version);
    const position = randomPosition(d.text);
    const mine = await Promise.all([
      hintsOf(server, uri, d.text.length),
      hoverOf(server, uri, position, d.text.length),
    ]);
    if (!(await judge(mine, 'sample', 0))) return;
    freshVersion++;
    fresh.notify('textDocument/didOpen', {
      textDocument: { uri, languageId: 'python', version: freshVersion, text: d.text },
    });
    const theirs = await Promise.all([
      hintsOf(fresh, uri, d.text.length),
      hoverOf(fresh, uri, position, d.text.length),
    ]);
    const freshDiagnostics = await publishedFor(fresh, uri, freshVersion);
    fresh.notify('textDocument/didClose', { textDocument: { uri } });
    if (diagnostics === undefined)
      (f.stale++, problem('no-diagnostics', step, `v${d.version} never published`, d.text));
    const pairs = [
      ['inlay hints', mine[0].result, theirs[0].result],
      ['hover', mine[1].result, theirs[1].result],
      ['diagnostics', diagnostics, freshDiagnostics],
    ];
    for (const [what, a, b] of pairs) {
      if (JSON.stringify(a) !== JSON.stringify(b)) {
        f.disagreements++;
        problem('disagreement', step, `${what}: ${firstDifference(a, b)}`, d.text);
        break;
      }
    }
  }

  async function malformedStep() {
    f.malformed.sent++;
    const target = 'file:///fuzz/bad.py';
    const c = E.malformed(r, target);
    if (!bad.alive) bad = await new BareClient(o.bin).initialize();
    bad.notify('textDocument/didOpen', {
      textDocument: { uri: target, languageId: 'python', version: 1, text: E.paste(r, files) },
    });
    bad.writeRaw(c.bytes);
    if (c.exits) {
      const exit = await Promise.race([bad.exited, new Promise((res) => setTimeout(() => res(null), 5000))]);
      if (exit && exit.code === 1 && /cannot read the LSP stream/.test(bad.stderr)) f.malformed.exitsAsDesigned++;
      else (f.malformed.failures++, problem('malformed', step, `${c.name}: ${JSON.stringify(exit)} ${bad.stderr}`));
      await bad.kill();
      bad = await new BareClient(o.bin).initialize();
      return;
    }
    const a = await bad.request(
      'textDocument/hover',
      { textDocument: { uri: target }, position: { line: 0, character: 0 } },
      10000,
    );
    // A line saying what was skipped is fine; a stack trace is not.
    const logged = [bad.stderr, ...bad.logErrors]
      .filter((s) => /\n\s+at |Uncaught|TypeError|RangeError/.test(s))
      .join('\n');
    bad.stderr = '';
    bad.logErrors = [];
    if (a.exited || a.timedOut || a.error || logged) {
      f.malformed.failures++;
      problem(
        'malformed',
        step,
        `${c.name}: ${a.exited ? 'exited' : a.timedOut ? 'no answer' : ''} ${JSON.stringify(a.error ?? '')} ${logged}`,
      );
      await bad.kill();
      bad = await new BareClient(o.bin).initialize();
    }
  }

  const every = o.progress || Math.max(1, Math.round(o.steps / 20));
  for (step = 1; step <= o.steps; step++) {
    if ((Date.now() - started) / 60000 > o.maxMinutes) break;
    const t0 = Date.now();
    let kind;
    const answers = [];
    const p = r.next();
    if (current().length > LIMIT_BYTES && p >= 0.01) {
      kind = 'shrink';
      change(uri, E.paste(r, files));
    } else if (p < 0.01) {
      kind = 'pathological';
      change(uri, E.pathological(r, files));
    } else if (p < 0.03) {
      kind = 'switch-document';
      const next = r.pick(DOCS);
      if (r.chance(0.5) && docs.get(uri).open) closeDoc(uri);
      uri = next;
      if (!docs.get(uri).open) openDoc(uri, r.chance(0.8) ? r.pick(files) : '');
    } else if (p < 0.13) {
      kind = 'burst';
      for (let n = 5 + r.int(26); n > 0; n--) {
        change(uri, E.randomEdit(r, current(), files));
        if (r.chance(0.1)) answers.push(hoverOf(server, uri, randomPosition(current()), current().length));
      }
    } else if (p < 0.16) {
      kind = 'replace';
      change(uri, r.pick(files));
    } else {
      kind = 'edit';
      change(uri, E.randomEdit(r, current(), files));
    }
    const bytes = current().length;
    answers.push(hintsOf(server, uri, bytes), hoverOf(server, uri, randomPosition(current()), bytes));
    if (r.chance(0.05))
      answers.push(
        request(
          server,
          'textDocument/codeAction',
          { textDocument: { uri }, range: wholeRange(), context: { diagnostics: [] } },
          bytes,
        ),
        request(server, 'shapeLens/diagram', { uri, line: r.int(50) }, bytes),
      );
    const usable = await judge(await Promise.all(answers), kind, Date.now() - t0);
    f.steps = step;
    if (usable && step % o.sample === 0) await compareWithFresh();
    if (step % o.malformedEvery === 0) await malformedStep();
    if (step % every === 0) {
      f.peakRssMb = Math.max(f.peakRssMb, rssMb(server));
      log(progressLine(f, started, o.steps));
    }
  }
  f.seconds = Math.round((Date.now() - started) / 1000);
  f.peakRssMb = Math.max(f.peakRssMb, rssMb(server));
  await Promise.all([server.kill(), fresh.kill(), bad.kill()]);
  return f;
}

/** The diagnostics published for `version` of `uri`, waiting for the debounced push; undefined if none comes. */
async function publishedFor(client, uri, version, timeoutMs = 10000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const p = client.published.get(uri);
    if (p && p.version === version) return p.diagnostics;
    if (Date.now() > deadline || !client.alive) return undefined;
    await new Promise((res) => setTimeout(res, 20));
  }
}

function wholeRange() {
  return { start: { line: 0, character: 0 }, end: { line: 1e6, character: 0 } };
}

function firstDifference(a, b) {
  const x = Array.isArray(a) ? a : [a];
  const y = Array.isArray(b) ? b : [b];
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    if (JSON.stringify(x[i]) !== JSON.stringify(y[i]))
      return `#${i}: ${JSON.stringify(x[i])} vs fresh ${JSON.stringify(y[i])}`;
  }
  return 'same items';
}

/** The server's resident set in MB: its high-water mark (the kernel's `VmHWM`, every peak since it started). */
function rssMb(client) {
  try {
    const status = fs.readFileSync(`/proc/${client.child.pid}/status`, 'utf8');
    return Math.round(Number(/VmHWM:\s+(\d+)/.exec(status)[1]) / 1024);
  } catch {
    return 0;
  }
}

function progressLine(f, started, total) {
  const s = (Date.now() - started) / 1000;
  return (
    `step ${f.steps}/${total} ${(f.steps / s).toFixed(1)}/s  crashes ${f.crashes} hangs ${f.hangs} exceptions ${f.exceptions} ` +
    `analysis failures ${f.analysisFailures} stale ${f.stale} disagreements ${f.disagreements}/${f.samples} slow ${f.slow}/${f.requests} ` +
    `malformed ${f.malformed.failures}/${f.malformed.sent} slowest ${f.slowest.ms} ms  rss ${f.peakRssMb} MB`
  );
}

/** Whether a check failed; analysis failures (caught, answered stale) are counted apart and fail only with `strict`. */
const failed = (f, strict = true) =>
  f.crashes + f.hangs + f.exceptions + f.errorAnswers + f.stale + f.disagreements + f.malformed.failures > 0 ||
  (strict && f.analysisFailures > 0);

async function main() {
  const { values } = parseArgs({
    options: {
      steps: { type: 'string', default: '1000' },
      seed: { type: 'string', default: '1' },
      sample: { type: 'string', default: '25' },
      'malformed-every': { type: 'string', default: '40' },
      'max-minutes': { type: 'string' },
      progress: { type: 'string', default: '0' },
      bin: { type: 'string' },
      dump: { type: 'string' },
      json: { type: 'boolean', default: false },
    },
    strict: true,
  });
  const num = (name) => {
    const n = Number(values[name]);
    if (!Number.isInteger(n) || n <= 0) throw new Error(`--${name} must be a positive integer, not ${values[name]}`);
    return n;
  };
  const f = await runFuzz({
    steps: num('steps'),
    seed: num('seed'),
    sample: num('sample'),
    malformedEvery: num('malformed-every'),
    maxMinutes: values['max-minutes'] ? Number(values['max-minutes']) : Infinity,
    progress: Number(values.progress),
    bin: values.bin && path.resolve(values.bin),
    dump: values.dump,
  });
  if (values.json) process.stdout.write(JSON.stringify(f, null, 2) + '\n');
  else {
    console.log(progressLine(f, Date.now() - f.seconds * 1000, f.steps));
    console.log(`slowest step: ${JSON.stringify(f.slowest)}; ${f.seconds} s`);
  }
  process.exitCode = failed(f) ? 1 : 0;
}

module.exports = { runFuzz, failed };

if (require.main === module) {
  main().catch((e) => {
    console.error(`fuzz: ${e instanceof Error ? e.message : e}`);
    process.exit(2);
  });
}
