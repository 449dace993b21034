#!/usr/bin/env node
/**
 * `npm run package`: the bundled extension as `shape-lens-<version>.vsix` at
 * the repository root, made by the pinned @vscode/vsce (3.9.x runs on Node 20).
 * scripts/run.js installs and builds first; `.vscodeignore` picks the files.
 * The README in the package is docs/marketplace/README.md, written for the
 * extension page: text only, since VS Code's extension page shows only http(s)
 * images (it drops relative ones, even when they are in the package) and the
 * project has no public address to serve them from, and without links into the
 * repository (test/package.test.ts checks it, test/e2e/ looks at the page).
 * Nothing is downloaded: vsce only reads the working tree.
 */
'use strict';
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '..');

function vsixPath() {
  const { name, version } = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  return path.join(root, `${name}-${version}.vsix`);
}

/** Packages the extension (dist/ must be built) and returns the .vsix path. */
function packageVsix({ out = vsixPath(), quiet = false } = {}) {
  for (const f of [
    'dist/extension.js',
    'dist/server.js',
    'dist/server-main.js',
    'dist/webview.js',
    'dist/webview.css',
    'grammars/tree-sitter.wasm',
    'grammars/tree-sitter-python.wasm',
  ]) {
    if (!fs.existsSync(path.join(root, f))) throw new Error(`${f} is missing: build first (npm run build)`);
  }
  const vsce = path.join(path.dirname(require.resolve('@vscode/vsce/package.json', { paths: [root] })), 'vsce');
  const args = [
    vsce,
    'package',
    '--no-dependencies',
    '--allow-missing-repository',
    '--no-rewrite-relative-links',
    '--readme-path',
    path.join('docs', 'marketplace', 'README.md'),
    '--out',
    out,
  ];
  const r = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8', stdio: quiet ? 'pipe' : 'inherit' });
  if (r.error) throw r.error;
  if (r.status !== 0) throw new Error(`vsce package failed (exit ${r.status})\n${r.stdout ?? ''}${r.stderr ?? ''}`);
  return out;
}

module.exports = { packageVsix, vsixPath };

if (require.main === module) {
  try {
    const out = packageVsix();
    console.log(`\n${path.relative(process.cwd(), out)}: ${(fs.statSync(out).size / 1024).toFixed(0)} KiB`);
  } catch (e) {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  }
}
