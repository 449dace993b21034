/**
 * The `shape-lens` CLI as a user runs it: the bundled `bin/shape-lens.js`
 * in a child process, on truth files and on hostile input. `check` has its
 * own file (cli-check.test.ts), notebooks theirs (cli-notebook.test.ts).
 */

import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { cli } from './helpers/cli';
import { readProgramTruth } from './helpers/programs';
import { REPO_ROOT, SHARED_TRUTH } from './helpers/truth';

const PROGRAMS = path.join(SHARED_TRUTH, 'programs');
const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'shape-lens-cli-'));

/** One line on stderr that names the path, and nothing that looks like a stack trace. */
function assertOneLine(stderr: string, file: string, why: RegExp): void {
  const lines = stderr.trim().split('\n');
  assert.strictEqual(lines.length, 1, `one line, got:\n${stderr}`);
  assert.ok(lines[0].startsWith(`shape-lens: ${file}: `), lines[0]);
  assert.match(lines[0], why);
  assert.doesNotMatch(stderr, /\n\s+at |Error:/);
}

describe('shape-lens check-layers', () => {
  it('reports agreement on the shared truth as one JSON object with engine_ms', () => {
    const r = cli(['check-layers', path.join(SHARED_TRUTH, 'layers.jsonl'), '--json']);
    assert.strictEqual(r.code, 0, r.stderr);
    const report = JSON.parse(r.stdout);
    const lines = fs
      .readFileSync(path.join(SHARED_TRUTH, 'layers.jsonl'), 'utf8')
      .split('\n')
      .filter((l) => l.trim());
    assert.strictEqual(report.cases, lines.length);
    for (const key of ['agree_outcome', 'agree_shape', 'agree_params']) {
      assert.ok(Number.isInteger(report[key]) && report[key] >= 0 && report[key] <= report.cases, key);
    }
    // Stage and message agreement are counted over the cases where Keras raised.
    assert.strictEqual(report.errors, lines.filter((l) => JSON.parse(l).error).length);
    for (const key of ['agree_stage', 'agree_message']) {
      assert.ok(Number.isInteger(report[key]) && report[key] >= 0 && report[key] <= report.errors, key);
    }
    assert.ok(Array.isArray(report.disagreements));
    assert.strictEqual(report.disagreements.length <= report.cases, true);
    assert.strictEqual(typeof report.engine_ms, 'number');
  });

  it('skips a malformed line, names its number, and still runs the rest', () => {
    const good = fs
      .readFileSync(path.join(SHARED_TRUTH, 'layers.jsonl'), 'utf8')
      .split('\n')
      .filter((l) => l.includes('"Dense/0000"'))[0];
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'shape-lens-')), 'cases.jsonl');
    fs.writeFileSync(file, [good, '{not json', '{"id": "x"}', good.replace('Dense/0000', 'Dense/copy')].join('\n'));
    const r = cli(['check-layers', file, '--json']);
    assert.strictEqual(r.code, 0, r.stderr);
    assert.match(r.stderr, /:2: skipped malformed case/);
    assert.match(r.stderr, /:3: skipped malformed case/);
    const report = JSON.parse(r.stdout);
    assert.strictEqual(report.cases, 2);
    assert.strictEqual(report.agree_outcome, 2);
    assert.deepStrictEqual(
      report.malformed.map((m: { line: number }) => m.line),
      [2, 3],
    );
  });

  it('prints the per-class table in text form', () => {
    const r = cli(['check-layers', path.join(SHARED_TRUTH, 'layers.jsonl')]);
    assert.strictEqual(r.code, 0, r.stderr);
    assert.match(r.stdout, /^class\s+cases\s+outcome\s+shape\s+params\s+errors\s+stage\s+message/m);
    assert.match(r.stdout, /^Dense\s+\d+\s/m);
    assert.match(r.stdout, /^ALL\s+\d+\s/m);
  });

  it('exits 2 with usage on a missing file or command', () => {
    assert.strictEqual(cli(['check-layers', '/nonexistent.jsonl']).code, 2);
    assert.strictEqual(cli(['frobnicate']).code, 2);
  });
});

describe('shape-lens summary', function () {
  this.timeout(60000);
  const broken = path.join(PROGRAMS, 'fail_adam_lr_keyword.py');
  const clean = path.join(PROGRAMS, 'seed_conv2d_channels_last.py');

  it("prints Keras's rows for a file and exits 0 when Keras would not raise", () => {
    const r = cli(['summary', clean]);
    assert.strictEqual(r.code, 0, r.stderr);
    for (const row of readProgramTruth(clean).models[0].layers as unknown as Array<{ name: string; class: string }>)
      assert.match(r.stdout, new RegExp(`${row.name} \\(${row.class}\\)`));
  });

  it('exits 1 when Keras would raise, with the error in the JSON on its line', () => {
    const r = cli(['summary', broken, '--json']);
    assert.strictEqual(r.code, 1, r.stderr);
    const [file] = JSON.parse(r.stdout);
    assert.strictEqual(file.file, broken);
    assert.strictEqual(file.error.line, readProgramTruth(broken).error!.line);
  });

  it('--json is an array of one object per file, for one file as for several', () => {
    const one = JSON.parse(cli(['summary', '--json', clean]).stdout);
    const two = JSON.parse(cli(['summary', '--json', clean, broken]).stdout);
    assert.ok(Array.isArray(one) && Array.isArray(two));
    assert.deepStrictEqual([one.length, two.length, two.map((f: { file: string }) => f.file)], [1, 2, [clean, broken]]);
    assert.deepStrictEqual(Object.keys(one[0]), ['file', 'models', 'error', 'diagnostics']);
    assert.deepStrictEqual(one[0], two[0]);
  });

  it("follows the imports of the file's own folder: a model built from another module's helpers has Keras's rows", () => {
    for (const project of ['project', 'project-edited', 'package']) {
      const main = path.join(REPO_ROOT, 'test', 'truth', 'imports', project, 'main.py');
      const r = cli(['summary', '--json', main]);
      assert.strictEqual(r.code, 0, r.stderr);
      const [file] = JSON.parse(r.stdout);
      const pick = (m: Record<string, unknown>, keys: string[]) => Object.fromEntries(keys.map((k) => [k, m[k]]));
      const rows = (models: Array<{ layers: Array<Record<string, unknown>> }>) =>
        models.map((m) => m.layers.map((l) => pick(l, ['line', 'class', 'name', 'output_shape', 'params'])));
      assert.deepStrictEqual(rows(file.models), rows(readProgramTruth(main).models as never));
    }
  });

  it('walks a folder given to it', () => {
    const dir = tmp();
    fs.copyFileSync(clean, path.join(dir, 'a.py'));
    fs.mkdirSync(path.join(dir, 'models'));
    fs.copyFileSync(broken, path.join(dir, 'models', 'b.py'));
    const r = cli(['summary', '--json', dir]);
    assert.strictEqual(r.code, 1, r.stderr);
    assert.deepStrictEqual(
      JSON.parse(r.stdout).map((f: { file: string }) => path.relative(dir, f.file)),
      ['a.py', path.join('models', 'b.py')],
    );
  });

  it('refuses unknown options and stray values with exit 2, suggesting the nearest option', () => {
    const r = cli(['summary', clean, '--jsn']);
    assert.strictEqual(r.code, 2);
    assert.match(r.stderr, /^shape-lens: unknown option --jsn; did you mean --json\?$/m);
    assert.strictEqual(r.stdout, '');
    assert.strictEqual(cli(['summary', '--json=yes', clean]).code, 2);
    assert.strictEqual(cli(['summary']).code, 2);
    assert.strictEqual(cli(['check-layers', '--jsn', 'x.jsonl']).code, 2);
    assert.strictEqual(cli(['--stdio', '--bogus']).code, 2);
  });

  it('prints its version, and help for each command', () => {
    const r = cli(['--version']);
    assert.strictEqual(r.code, 0);
    assert.strictEqual(
      r.stdout.trim(),
      JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')).version,
    );
    for (const command of ['summary', 'check', 'check-layers']) {
      const h = cli([command, '--help']);
      assert.strictEqual(h.code, 0);
      assert.match(h.stdout, new RegExp(`^usage: shape-lens ${command} `));
      assert.deepStrictEqual(cli(['help', command]).stdout, h.stdout);
    }
    assert.match(cli(['summary', '--help']).stdout, /Exit code: 0, or 1 where Keras would raise/);
  });
});

describe('shape-lens on hostile input: one line, exit 2, no stack trace', function () {
  this.timeout(60000);
  let dir: string;
  before(() => {
    dir = tmp();
  });

  it('a 50 MB file', () => {
    const file = path.join(dir, 'big.py');
    fs.writeFileSync(file, Buffer.alloc(50 * 1024 * 1024, 'x = 1\n'));
    const r = cli(['summary', file]);
    assert.strictEqual(r.code, 2);
    assertOneLine(r.stderr, file, /is 50\.0 MB; Shape Lens reads files up to 5\.0 MB$/);
  });

  it('/dev/zero', () => {
    const r = cli(['summary', '/dev/zero'], { timeoutMs: 10000 });
    assert.strictEqual(r.code, 2);
    assertOneLine(r.stderr, '/dev/zero', /is a device, not a file$/);
  });

  it('a FIFO, without waiting for a writer', function () {
    const fifo = path.join(dir, 'pipe.py');
    try {
      execFileSync('mkfifo', [fifo]);
    } catch {
      this.skip(); // no mkfifo on this system
    }
    for (const command of ['summary', 'check']) {
      const r = cli([command, fifo], { timeoutMs: 10000 });
      assert.strictEqual(r.signal, null, 'it did not hang');
      assert.strictEqual(r.code, 2);
      assertOneLine(r.stderr, fifo, /is a named pipe \(FIFO\), not a file$/);
    }
  });

  it('a file named --x, after --', () => {
    fs.copyFileSync(path.join(PROGRAMS, 'seed_conv2d_channels_last.py'), path.join(dir, '--x'));
    const r = cli(['summary', '--json', '--', '--x'], { cwd: dir });
    assert.strictEqual(r.code, 0, r.stderr);
    assert.strictEqual(JSON.parse(r.stdout)[0].models.length, 1);
    const without = cli(['summary', '--x'], { cwd: dir });
    assert.strictEqual(without.code, 2);
    assert.match(without.stderr, /unknown option --x \(for a file of that name: -- --x\)/);
  });

  it('a binary file', () => {
    const file = path.join(dir, 'random.py');
    fs.writeFileSync(file, Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256)));
    const r = cli(['summary', file]);
    assert.strictEqual(r.code, 2);
    assertOneLine(r.stderr, file, /is a binary file, not Python source or a notebook$/);
  });

  it('text that is not UTF-8 and declares no encoding, and text that declares one', () => {
    const file = path.join(dir, 'latin.py');
    fs.writeFileSync(file, Buffer.from('name = "caf\xe9"\n', 'latin1'));
    assertOneLine(cli(['summary', file]).stderr, file, /is not UTF-8 text/);
    fs.writeFileSync(file, Buffer.from('# -*- coding: latin-1 -*-\nname = "caf\xe9"\n', 'latin1'));
    const r = cli(['summary', file]);
    assert.strictEqual(r.code, 0, r.stderr);
    assert.match(r.stdout, /no Keras model found/);
  });

  it('a missing file, a folder without Python, a file that is not Python, a notebook that is not JSON', () => {
    const missing = path.join(dir, 'missing.py');
    assertOneLine(cli(['summary', missing]).stderr, missing, /no such file or folder$/);
    const empty = path.join(dir, 'empty');
    fs.mkdirSync(empty);
    assertOneLine(cli(['summary', empty]).stderr, empty, /no \.py or \.ipynb file in this folder/);
    const readme = path.join(REPO_ROOT, 'README.md');
    const r = cli(['summary', readme]);
    assert.strictEqual(r.code, 2);
    assertOneLine(r.stderr, readme, /is not a Python file \(\.py\) or a notebook \(\.ipynb\)$/);
    const nb = path.join(dir, 'broken.ipynb');
    fs.writeFileSync(nb, '{"cells": [');
    assertOneLine(cli(['summary', nb]).stderr, nb, /not a notebook: invalid JSON/);
  });

  it('still reports the readable files of the same run', () => {
    const good = path.join(PROGRAMS, 'seed_conv2d_channels_last.py');
    const r = cli(['summary', '--json', '/dev/zero', good]);
    assert.strictEqual(r.code, 2);
    assert.strictEqual(JSON.parse(r.stdout)[0].file, good);
  });
});
