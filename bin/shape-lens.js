#!/usr/bin/env -S node --max-semi-space-size=64 --expose-gc
// The flags are those the VS Code client starts the language server with (client/src/extension.ts):
// a larger young generation, and a collector the server calls between edits (server/src/lsp/heap.ts).
'use strict';
// The CLI lives in the bundle; `npm run build` (or `npm test`) makes it.
const path = require('path');
const fs = require('fs');
const cli = path.join(__dirname, '..', 'dist', 'cli.js');
if (!fs.existsSync(cli)) {
  process.stderr.write('shape-lens: dist/cli.js is missing; run `npm run build` first.\n');
  process.exit(2);
}
const { main, quietOnClosedPipe } = require(cli);
quietOnClosedPipe();
main(process.argv.slice(2)).then((code) => {
  // exitCode, not exit(): exit() would cut off output still buffered for a pipe.
  process.exitCode = code;
});
