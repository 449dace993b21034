#!/usr/bin/env node
/**
 * `npm run bench:syntax`: the language server's syntax update alone
 * (`DocumentSyntax.edit` then `module()`, in this process, from the sources),
 * per keystroke, on the generated model files of `npm run bench`
 * (`bench-files.js`'s `modelFile`): a statement typed character by character on
 * a new line, then erased, as `npm run bench`'s `typing` edit does. Prints p50,
 * p99 and mean per size, how many keystrokes took the statement path and how
 * many reparsed the whole document, and web-tree-sitter's own full parse and
 * incremental reparse of the same text. Figures, not a pass/fail test.
 * `BENCH_SIZES=1000,5000` runs fewer sizes.
 */
'use strict';
require('tsx/cjs');
const path = require('path');
const { modelFile } = require('./bench-files');

const root = path.resolve(__dirname, '..');
// `BENCH_SYNTAX_SRC=DIR` measures the `syntax/` sources of another checkout (an earlier version, for a before/after).
const src = process.env.BENCH_SYNTAX_SRC ?? path.join(root, 'server', 'src', 'syntax');
const { DocumentSyntax } = require(path.join(src, 'chunks.ts'));
const { loadPythonParser } = require(path.join(src, 'parser.ts'));

const SIZES = (process.env.BENCH_SIZES ?? '1000,5000,20000').split(',').map(Number);
/** Statements typed (and erased) per size; the first is not counted (JIT warm-up). */
const STATEMENTS = { 1000: 12, 5000: 8, 20000: 5 };
const STATEMENT = 'x = layers.Dense(32)(x)';

const ms = (t0) => Number(process.hrtime.bigint() - t0) / 1e6;
const pct = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
const f = (x) => (x >= 100 ? x.toFixed(0) : x.toFixed(2));

function rng(seed) {
  return () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
}

/** Offset where line `line` of `text` starts. */
function lineStart(text, line) {
  let at = 0;
  for (let i = 0; i < line; i++) at = text.indexOf('\n', at) + 1;
  return at;
}

async function main() {
  const parser = await loadPythonParser();
  console.log(`Syntax update per keystroke (edit + module()), typing \`${STATEMENT}\` on a new line, then erasing it:`);
  console.log('');
  console.log(
    '| file | p50 ms | p99 ms | mean ms | keystrokes | window (statement) path | whole reparse | tree-sitter full parse ms | incremental reparse ms |',
  );
  console.log('|---|---|---|---|---|---|---|---|---|');
  for (const n of SIZES) {
    let text = modelFile(n);
    const doc = new DocumentSyntax(parser, text);
    doc.module();
    const rand = rng(12345 + n);
    const times = [];
    const counted = { windows: 0, fullReparses: 0 };
    const edit = (start, end, ins, timed) => {
      text = text.slice(0, start) + ins + text.slice(end);
      const windows = doc.stats.windowReparses ?? doc.stats.chunkReparses;
      const { fullReparses } = doc.stats;
      const t0 = process.hrtime.bigint();
      doc.edit(start, end, ins);
      doc.module();
      if (!timed) return;
      times.push(ms(t0));
      counted.windows += (doc.stats.windowReparses ?? doc.stats.chunkReparses) - windows;
      counted.fullReparses += doc.stats.fullReparses - fullReparses;
    };
    const total = STATEMENTS[n] ?? 5;
    for (let s = 0; s < total; s++) {
      const timed = s > 0;
      const at = lineStart(text, 6 + Math.floor(rand() * (n - 20)));
      edit(at, at, '\n', false);
      for (let c = 0; c < STATEMENT.length; c++) edit(at + c, at + c, STATEMENT[c], timed);
      for (let c = STATEMENT.length; c > 0; c--) edit(at + c - 1, at + c, '', timed);
      edit(at, at + 1, '', false);
    }
    doc.dispose();
    // web-tree-sitter through the same parser: a full parse, and the reparse after one character changed.
    let full = Infinity;
    let incr = Infinity;
    const at = text.indexOf('Conv2D(') + 7;
    const row = text.slice(0, at).split('\n').length - 1;
    const column = at - text.lastIndexOf('\n', at - 1) - 1;
    for (let i = 0; i < 5; i++) {
      let t0 = process.hrtime.bigint();
      const tree = parser.parse(text);
      full = Math.min(full, ms(t0));
      const edited = `${text.slice(0, at)}${(i % 9) + 1}${text.slice(at + 1)}`;
      const point = { row, column };
      const after = { row, column: column + 1 };
      t0 = process.hrtime.bigint();
      tree.edit({
        startIndex: at,
        oldEndIndex: at + 1,
        newEndIndex: at + 1,
        startPosition: point,
        oldEndPosition: after,
        newEndPosition: after,
      });
      const again = parser.parse(edited, tree);
      incr = Math.min(incr, ms(t0));
      again.delete();
      tree.delete();
    }
    times.sort((a, b) => a - b);
    const mean = times.reduce((a, b) => a + b, 0) / times.length;
    console.log(
      `| ${n.toLocaleString('en-US')} lines | ${f(pct(times, 50))} | ${f(pct(times, 99))} | ${f(mean)} | ${times.length} | ${counted.windows} | ${counted.fullReparses} | ${f(full)} | ${f(incr)} |`,
    );
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
