#!/usr/bin/env node
/**
 * Build: copy the tree-sitter runtime and the Python grammar from their
 * pinned npm packages into grammars/, then bundle the entry points with
 * esbuild into dist/. The bundles the .vsix ships (extension.js, server.js, webview.js)
 * are minified, with their source maps written beside them but not linked
 * (the package leaves .map files out, and a `sourceMappingURL` to a missing
 * file would dangle); the CLI bundle, which stays in the repository, links its map.
 */
'use strict';
const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '..');

function copyGrammars() {
  const out = path.join(root, 'grammars');
  fs.mkdirSync(out, { recursive: true });
  const files = [
    [require.resolve('web-tree-sitter/tree-sitter.wasm'), 'tree-sitter.wasm'],
    [
      path.join(path.dirname(require.resolve('tree-sitter-python/package.json')), 'tree-sitter-python.wasm'),
      'tree-sitter-python.wasm',
    ],
  ];
  for (const [from, name] of files) fs.copyFileSync(from, path.join(out, name));
}

async function bundle() {
  const esbuild = require('esbuild');
  const common = {
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    sourcemap: true,
    // ESM builds first: UMD ones (jsonc-parser's) load their parts with a require() esbuild cannot follow.
    mainFields: ['module', 'main'],
    logLevel: 'warning',
  };
  const entries = [
    { entryPoints: [path.join(root, 'server/src/cli/main.ts')], outfile: path.join(root, 'dist/cli.js') },
  ];
  const shipped = { minify: true, sourcemap: 'external' };
  for (const extra of [
    // The server's entry compiles the server's bundle with V8's code cache (server/src/lsp/boot.ts).
    { file: 'server/src/lsp/boot.ts', out: 'dist/server.js', options: shipped },
    { file: 'server/src/lsp/main.ts', out: 'dist/server-main.js', options: shipped },
    { file: 'client/src/extension.ts', out: 'dist/extension.js', external: ['vscode'], options: shipped },
    // The model view's page (and its dist/webview.css): runs in the webview, not in Node.
    {
      file: 'client/src/webview/main.ts',
      out: 'dist/webview.js',
      options: { platform: 'browser', format: 'iife', target: 'es2022', ...shipped },
    },
  ]) {
    if (fs.existsSync(path.join(root, extra.file))) {
      entries.push({
        entryPoints: [path.join(root, extra.file)],
        outfile: path.join(root, extra.out),
        external: extra.external,
        ...extra.options,
      });
    }
  }
  await Promise.all(entries.map((e) => esbuild.build({ ...common, ...e })));
}

async function main() {
  copyGrammars();
  await bundle();
}

if (require.main === module) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}

module.exports = { main };
