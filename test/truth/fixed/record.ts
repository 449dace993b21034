/**
 * Records the programs the quick fixes make, with real Keras: for every
 * fixture of test/features/fixtures/, each fix applied (numbered as
 * test/helpers/fixes.ts numbers them) is written here as FIXTURE.N.py and run
 * by the shared `capture.py`, which writes FIXTURE.N.truth.json. The fixtures
 * named `fix_*.py` (and any fixture already recorded) get their own
 * `.truth.json` beside them the same way. Fixtures named `fix_fit_*.py`, whose
 * errors come at `fit`/`evaluate`/`predict`, and their fixes are run with
 * `capture.py --real-fit`. Fixture names given as arguments are recorded alone.
 *
 *   KERAS_BACKEND=jax PYTHON=/path/to/python npx tsx test/truth/fixed/record.ts [FIXTURE.py ...]
 */

import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { loadPythonParser } from '../../../server/src/syntax/parser';
import { numberedFixes } from '../../helpers/fixes';
import { REPO_ROOT, SHARED_TRUTH } from '../../helpers/truth';

const FIXTURES = path.join(REPO_ROOT, 'test', 'features', 'fixtures');
const OUT = __dirname;
const PYTHON = process.env.PYTHON ?? 'python3';

function capture(file: string, realFit: boolean): void {
  const flags = realFit ? ['--real-fit'] : [];
  const r = spawnSync(PYTHON, [path.join(SHARED_TRUTH, 'capture.py'), ...flags, path.basename(file)], {
    cwd: path.dirname(file),
    encoding: 'utf8',
    env: { ...process.env, KERAS_BACKEND: process.env.KERAS_BACKEND ?? 'jax' },
  });
  if (r.status !== 0) throw new Error(`capture.py ${file} failed:\n${r.stderr}`);
  fs.writeFileSync(file.replace(/\.py$/, '.truth.json'), r.stdout);
}

async function main(): Promise<void> {
  const parser = await loadPythonParser();
  const only = process.argv.slice(2).map((f) => path.basename(f));
  const chosen = (name: string) => only.length === 0 || only.includes(name);
  for (const f of fs.readdirSync(OUT))
    if (/\.\d+\.(py|truth\.json)$/.test(f) && chosen(f.replace(/\.\d+\.(py|truth\.json)$/, '.py')))
      fs.rmSync(path.join(OUT, f));
  for (const name of fs
    .readdirSync(FIXTURES)
    .filter((f) => f.endsWith('.py') && chosen(f))
    .sort()) {
    const file = path.join(FIXTURES, name);
    const realFit = name.startsWith('fix_fit_');
    if (name.startsWith('fix_') || fs.existsSync(file.replace(/\.py$/, '.truth.json'))) {
      capture(file, realFit);
      console.log(`recorded ${name}`);
    }
    for (const { n, fixed } of numberedFixes(fs.readFileSync(file, 'utf8'), parser).fixes) {
      const out = path.join(OUT, `${name.replace(/\.py$/, '')}.${n}.py`);
      fs.writeFileSync(out, fixed);
      capture(out, realFit);
      console.log(`recorded ${path.basename(out)}`);
    }
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
