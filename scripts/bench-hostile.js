#!/usr/bin/env node
/**
 * `npm run bench:hostile`: each hostile program of `test/truth/hostile/`
 * analysed in a fresh process (grammar loaded, a small file analysed first,
 * as an idle server would have), printing the analysis time and the memory
 * it added: peak resident set over the idle one (figures, not a test).
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

const files = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith('.py'))
  .sort();
console.log(`${'program'.padEnd(30)} ${'bytes'.padStart(6)} ${'ms'.padStart(8)} ${'MB'.padStart(7)} notes`);
for (const f of files) {
  const r = spawnSync(process.execPath, ['--expose-gc', __filename, '--one', path.join(dir, f)], { encoding: 'utf8' });
  if (r.status !== 0) {
    console.log(`${f.padEnd(30)} failed: ${r.stderr.split('\n')[0]}`);
    continue;
  }
  const x = JSON.parse(r.stdout);
  console.log(
    `${f.padEnd(30)} ${String(x.bytes).padStart(6)} ${x.ms.toFixed(0).padStart(8)} ${x.mb.toFixed(1).padStart(7)} ${x.notes}`,
  );
}
