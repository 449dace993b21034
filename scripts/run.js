#!/usr/bin/env node
/**
 * Entry for `npm run build`, `npm test`, `npm run demo`, `npm run package`, `npm run fuzz` and the benchmarks.
 * It works on a fresh clone: it installs the npm dependencies when they are missing or
 * older than package-lock.json, builds, then runs the task.
 */
'use strict';
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const { withTicker } = require('./ticker');

const root = path.resolve(__dirname, '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', ...opts });
  if (r.error) throw r.error;
  return r.status ?? 1;
}

function ensureDependencies() {
  const marker = path.join(root, 'node_modules', '.package-lock.json');
  const lock = path.join(root, 'package-lock.json');
  const stale = !fs.existsSync(marker) || fs.statSync(marker).mtimeMs < fs.statSync(lock).mtimeMs;
  if (stale) {
    const start = Date.now();
    console.log('Installing the npm dependencies of package-lock.json into node_modules/ (npm ci, about a minute) ...');
    const status = withTicker('npm ci', () => run(npm, ['ci', '--no-audit', '--no-fund']));
    if (status !== 0) process.exit(1);
    console.log(`npm ci: ${((Date.now() - start) / 1000).toFixed(0)} s`);
  }
}

function node(script, args = []) {
  return run(process.execPath, [script, ...args]);
}

async function main() {
  const task = process.argv[2];
  ensureDependencies();
  console.log('Building dist/ (esbuild) ...');
  await require('./build').main();
  const bin = (name) => path.join(root, 'node_modules', '.bin', name);
  switch (task) {
    case 'build':
      process.exit(0);
    case 'test': {
      console.log('Checking formatting (prettier --check) ...');
      if (run(bin('prettier'), ['--check', '--log-level', 'warn', '.']) !== 0) {
        console.error("Formatting differs from Prettier's: run `npm run format`.");
        process.exit(1);
      }
      console.log('Type-checking (tsc --noEmit) ...');
      if (run(bin('tsc'), ['-p', '.', '--noEmit']) !== 0) process.exit(1);
      // The model view's page has the DOM's types, not Node's: a program of its own.
      if (run(bin('tsc'), ['-p', 'client/src/webview', '--noEmit']) !== 0) process.exit(1);
      process.exit(run(bin('mocha'), process.argv.slice(3)));
    }
    case 'package':
      process.exit(node(path.join(root, 'scripts', 'package.js'), process.argv.slice(3)));
    case 'demo':
      // Ctrl+C reaches demo.js too, which stops its editor: wait for it rather than die first.
      process.on('SIGINT', () => undefined);
      process.exit(node(path.join(root, 'scripts', 'demo.js'), process.argv.slice(3)));
    case 'bench':
      process.exit(node(path.join(root, 'scripts', 'bench-lsp.js'), process.argv.slice(3)));
    case 'bench-syntax':
      process.exit(node(path.join(root, 'scripts', 'bench-syntax.js'), process.argv.slice(3)));
    case 'bench-summary':
      process.exit(node(path.join(root, 'scripts', 'bench-summary.js'), process.argv.slice(3)));
    case 'bench-hostile':
      process.exit(node(path.join(root, 'scripts', 'bench-hostile.js'), process.argv.slice(3)));
    case 'fuzz':
      process.exit(node(path.join(root, 'scripts', 'fuzz.js'), process.argv.slice(3)));
    case 'bench-layers':
      process.exit(node(path.join(root, 'scripts', 'bench-layers.js'), process.argv.slice(3)));
    default:
      console.error(`scripts/run.js: unknown task ${task}`);
      process.exit(2);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
