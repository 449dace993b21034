#!/usr/bin/env node
/**
 * `npm run demo`: Shape Lens's answers for the seed example, without
 * running it, then the engine's agreement with the recorded Keras truth, then
 * an editor with the packaged extension installed, open on examples/:
 * - the local VS Code if `code` is on PATH (the .vsix is installed with
 *   `code --install-extension`, and the folder opens in a new window);
 * - otherwise code-server (VS Code in the browser) on 127.0.0.1, installed
 *   on first use by scripts/editor-setup.js; it runs until Ctrl+C.
 *
 * `--no-editor` (or CI set in the environment) stops after the tables;
 * `--check` starts code-server, waits until it answers, and stops it again.
 */
'use strict';
const { spawn, spawnSync } = require('child_process');
const path = require('path');
const fs = require('fs');

const root = path.resolve(__dirname, '..');
const args = process.argv.slice(2);

async function tables() {
  const cli = require(path.join(root, 'dist', 'cli.js'));
  for (const example of ['seed_model2.py', 'seed_model2_channels_first_input.py']) {
    const file = path.join('examples', example);
    console.log(`\n=== shape-lens summary ${file}\n`);
    process.chdir(root);
    await cli.main(['summary', file]);
  }
  const truth = path.resolve(root, '..', 'shared', 'keras-truth', 'layers.jsonl');
  if (fs.existsSync(truth)) {
    console.log(`\n=== shape-lens check-layers ${path.relative(root, truth)}\n`);
    await cli.main(['check-layers', truth]);
  } else {
    console.log(`\n(no Keras truth at ${truth}: skipping the agreement table)`);
  }
}

async function editor() {
  const { packageVsix } = require('./package');
  const setup = require('./editor-setup');
  const examples = path.join(root, 'examples');
  const seed = path.join(examples, 'seed_model2.py');

  console.log('\n=== the extension in an editor\n');
  const vsix = packageVsix({ quiet: true });
  console.log(`packaged ${path.relative(root, vsix)}`);

  const code = !args.includes('--check') && setup.which('code');
  if (code) {
    const r = spawnSync(code, ['--install-extension', vsix, '--force'], { stdio: 'inherit' });
    if (r.status !== 0) throw new Error(`code --install-extension exited with ${r.status}`);
    spawn(code, ['--new-window', examples, seed], { detached: true, stdio: 'ignore' }).unref();
    console.log(
      `\nOpened ${path.relative(process.cwd(), examples) || examples} in VS Code (${code}) with Shape Lens installed.`,
    );
    return;
  }

  console.log('No `code` on PATH: starting code-server (VS Code in the browser) ...');
  const codeServer = setup.ensureCodeServer();
  const server = await setup.startCodeServer({
    dir: path.join(setup.CACHE, 'demo'),
    workspace: examples,
    vsix,
    port: Number(process.env.SHAPE_LENS_DEMO_PORT || 0),
    codeServer,
  });
  if (args.includes('--check')) {
    console.log(`code-server answered at ${server.base}; stopping it (--check).`);
    await server.stop();
    return;
  }
  console.log(
    `\nOpen this address in a browser (Shape Lens is installed, examples/ is the workspace):\n\n  ${server.urlFor(seed)}\n`,
  );
  console.log('The first hints take a few seconds to appear. Ctrl+C stops the editor.');
  await new Promise((resolve) => {
    const done = (why) => {
      clearInterval(timer);
      if (why) console.error(why);
      resolve();
    };
    const timer = setInterval(() => server.exited() && done(server.exited()), 1000);
    process.once('SIGINT', () => done());
    process.once('SIGTERM', () => done());
  });
  console.log('\nStopping code-server ...');
  await server.stop();
}

async function main() {
  await tables();
  if (args.includes('--no-editor') || process.env.CI) {
    console.log('\n(not starting an editor: --no-editor or CI is set)');
    return;
  }
  await editor();
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
