#!/usr/bin/env node
/**
 * `npm run bench:summary`: `shape-lens summary` on a generated 2,000-line
 * model file, reporting the analysis time (parse, copy, interpretation) after
 * start-up, i.e. with the grammar loaded: the file is given several times in
 * one run, and each time is printed (figures, not a pass/fail test).
 */
'use strict';
const { spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const root = path.resolve(__dirname, '..');

function modelFile(lines) {
  const out = ['import keras', 'from keras import layers', '', 'inputs = keras.Input(shape=(64, 64, 3))', 'x = inputs'];
  for (let i = 0; out.length < lines - 4; i++) {
    out.push(`x = layers.Conv2D(${16 + (i % 4) * 8}, 3, padding="same", activation="relu")(x)  # block ${i}`);
    out.push('x = layers.BatchNormalization()(x)');
  }
  out.push(
    'x = layers.GlobalAveragePooling2D()(x)',
    'outputs = layers.Dense(10, activation="softmax")(x)',
    'model = keras.Model(inputs, outputs)',
  );
  return `${out.join('\n')}\n`;
}

const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'shape-lens-summary-')), 'model2000.py');
fs.writeFileSync(file, modelFile(2000));
const runs = 6;
const r = spawnSync(
  process.execPath,
  [path.join(root, 'bin', 'shape-lens.js'), 'summary', '--json', '--timing', ...Array(runs).fill(file)],
  { encoding: 'utf8', maxBuffer: 1 << 28 },
);
if (r.status !== 0) {
  process.stderr.write(r.stderr);
  process.exit(1);
}
const times = [...r.stderr.matchAll(/analysis ([\d.]+) ms/g)].map((m) => Number(m[1]));
const rows = JSON.parse(r.stdout)[0].models[0].layers.length;
console.log(
  `${path.basename(file)}: ${rows} summary rows; analysis times in one process (ms): ${times.map((t) => t.toFixed(1)).join(', ')}`,
);
console.log(
  `first (cold JIT) ${times[0].toFixed(1)} ms; best of the rest ${Math.min(...times.slice(1)).toFixed(1)} ms`,
);
