#!/usr/bin/env node
'use strict';
// The CLI lives in the bundle; `npm run build` (or `npm test`) makes it.
const path = require('path');
const fs = require('fs');
const cli = path.join(__dirname, '..', 'dist', 'cli.js');
if (!fs.existsSync(cli)) {
  process.stderr.write('shape-lens: dist/cli.js is missing; run `npm run build` first.\n');
  process.exit(2);
}

// The language server runs with the Node flags the VS Code client gives it (client/src/extension.ts):
// a larger young generation and a collector it can call between edits. Node takes them only at start,
// so the launcher starts itself again with them.
const SERVER_FLAGS = ['--max-semi-space-size=64', '--expose-gc'];
const args = process.argv.slice(2);
const isServer = args.some((a) => a === '--stdio' || a === '--node-ipc' || a.startsWith('--socket'));
if (isServer && typeof globalThis.gc !== 'function') {
  const { spawn } = require('child_process');
  const child = spawn(process.execPath, [...process.execArgv, ...SERVER_FLAGS, __filename, ...args], {
    stdio: serverStdio(args),
  });
  child.on('exit', (code, signal) => {
    if (signal) process.kill(process.pid, signal);
    else process.exit(code ?? 0);
  });
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
} else {
  const { main, quietOnClosedPipe } = require(cli);
  quietOnClosedPipe();
  main(args).then((code) => {
    // exitCode, not exit(): exit() would cut off output still buffered for a pipe.
    process.exitCode = code;
  });
}

/** stdin/stdout/stderr are handed down as they are; `--node-ipc` also needs the IPC channel. */
function serverStdio(argv) {
  return argv.includes('--node-ipc') ? ['inherit', 'inherit', 'inherit', 'ipc'] : 'inherit';
}
