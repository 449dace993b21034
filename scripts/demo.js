#!/usr/bin/env node
/**
 * `npm run demo`: Shape Lens's answers for the seed example, without
 * running it, then the engine's agreement with the recorded Keras truth.
 */
'use strict';
const path = require('path');
const fs = require('fs');

const root = path.resolve(__dirname, '..');

async function main() {
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

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
