#!/usr/bin/env node
/**
 * Benchmark (prints figures; not a test): `check-layers` over 5,000+ truth
 * cases, reporting the engine's own time as `engine_ms`.
 */
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');

const root = path.resolve(__dirname, '..');

async function main() {
  const sources = [
    path.resolve(root, '..', 'shared', 'keras-truth', 'layers.jsonl'),
    path.join(root, 'test', 'truth', 'layers-seed2.jsonl'),
  ].filter((f) => fs.existsSync(f));
  const lines = sources.flatMap((f) =>
    fs
      .readFileSync(f, 'utf8')
      .split('\n')
      .filter((l) => l.trim()),
  );
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'shape-lens-bench-')), 'cases.jsonl');
  fs.writeFileSync(file, lines.join('\n'));
  const cli = require(path.join(root, 'dist', 'cli.js'));
  const chunks = [];
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = (s) => (chunks.push(String(s)), true);
  try {
    for (let run = 0; run < 3; run++) await cli.main(['check-layers', file, '--json']);
  } finally {
    process.stdout.write = write;
  }
  const reports = chunks
    .join('')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));
  for (const [i, r] of reports.entries()) {
    console.log(
      `run ${i + 1}: ${r.cases} cases, engine_ms ${r.engine_ms.toFixed(1)} (${((r.engine_ms / r.cases) * 1000).toFixed(1)} µs/case), agree outcome/shape/params ${r.agree_outcome}/${r.agree_shape}/${r.agree_params}`,
    );
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
