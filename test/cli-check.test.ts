/**
 * `shape-lens check` as CI runs it: a folder with a broken model exits 1 with
 * the error on Keras's line (from the truth), a clean one exits 0, bad usage
 * 2; folders are walked as git sees them (checked against `git ls-files`
 * where git is installed); the SARIF log is valid against the official SARIF
 * 2.1.0 schema (test/schemas/, see its README) and points at the right file
 * and line, in a notebook too.
 */

import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { cli, SHAPE_LENS } from './helpers/cli';
import { readProgramTruth } from './helpers/programs';
import { LOCAL_TRUTH, REPO_ROOT, SHARED_TRUTH } from './helpers/truth';

const PROGRAMS = path.join(SHARED_TRUTH, 'programs');
const BROKEN = path.join(PROGRAMS, 'fail_adam_lr_keyword.py');
const CLEAN = path.join(PROGRAMS, 'seed_conv2d_channels_last.py');
const NOTEBOOK = path.join(LOCAL_TRUTH, 'notebooks', 'fail_lstm_after_conv_cell.ipynb');

function write(root: string, file: string, text: string): void {
  fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  fs.writeFileSync(path.join(root, file), text);
}

/**
 * A project: one broken model (models/broken.py), clean files, and broken
 * files that must not be read: ignored by the root's or a nested .gitignore,
 * in virtual environments, node_modules or notebook checkpoints.
 */
function project(): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'shape-lens-check-'));
  const broken = fs.readFileSync(BROKEN, 'utf8');
  const clean = fs.readFileSync(CLEAN, 'utf8');
  fs.mkdirSync(path.join(root, '.git'));
  write(root, '.gitignore', 'generated_*.py\n!generated_keep.py\nscratch/\n/rooted.py\n');
  write(root, 'models/broken.py', broken);
  write(root, 'models/clean.py', clean);
  write(root, 'generated_a.py', broken);
  write(root, 'generated_keep.py', clean);
  write(root, 'scratch/try.py', broken);
  write(root, 'rooted.py', broken);
  write(root, 'sub/rooted.py', clean); // `/rooted.py` is anchored to the root's folder
  write(root, 'sub/.gitignore', 'local.py\n');
  write(root, 'sub/local.py', broken);
  write(root, '.venv/pyvenv.cfg', 'home = /usr/bin\n');
  write(root, '.venv/lib/python3.11/site-packages/pkg/bad.py', broken);
  write(root, 'env/conda-meta/history', '');
  write(root, 'env/lib/bad.py', broken);
  write(root, 'node_modules/pkg/bad.py', broken);
  write(root, 'notebooks/.ipynb_checkpoints/nb-checkpoint.ipynb', fs.readFileSync(NOTEBOOK, 'utf8'));
  write(root, 'notes.txt', 'not Python');
  return root;
}

const sarifValidator = (() => {
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  const schema = JSON.parse(
    fs.readFileSync(path.join(REPO_ROOT, 'test', 'schemas', 'sarif-schema-2.1.0.json'), 'utf8'),
  );
  return ajv.compile(schema);
})();

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function validSarif(text: string): any {
  const log = JSON.parse(text);
  const ok = sarifValidator(log);
  assert.ok(ok, `SARIF invalid against the 2.1.0 schema:\n${JSON.stringify(sarifValidator.errors, null, 1)}`);
  return log;
}

describe('shape-lens check', function () {
  this.timeout(120000);
  let root: string;
  before(() => {
    root = project();
  });

  it('exits 1 on a folder with a broken model, naming the file and the line Keras raised on', () => {
    const r = cli(['check', '.'], { cwd: root });
    assert.strictEqual(r.code, 1, r.stderr);
    const errors = r.stdout.split('\n').filter((l) => / error \[keras-error\] /.test(l));
    const line = readProgramTruth(BROKEN).error!.line;
    assert.deepStrictEqual(
      errors.map((l) => l.split(':').slice(0, 2).join(':')),
      [`${path.join('models', 'broken.py')}:${line}`],
    );
    assert.match(r.stdout, /^4 files checked: 1 error, /m);
  });

  it('reads exactly the files git does not ignore, skipping environments and tool folders', () => {
    const r = cli(['check', '--format', 'json', root]);
    const files = JSON.parse(r.stdout).files.map((f: { file: string }) => path.relative(root, f.file));
    assert.deepStrictEqual(files, ['generated_keep.py', 'models/broken.py', 'models/clean.py', 'sub/rooted.py']);
    const git = spawnSync('git', ['--version']);
    if (git.status === 0) {
      // git's own answer over the same tree (a real repository with the same files).
      const repo = fs.mkdtempSync(path.join(os.tmpdir(), 'shape-lens-git-'));
      fs.cpSync(root, repo, { recursive: true, filter: (src) => path.basename(src) !== '.git' });
      spawnSync('git', ['init', '-q'], { cwd: repo });
      const listed = spawnSync('git', ['ls-files', '--others', '--exclude-standard'], { cwd: repo, encoding: 'utf8' });
      const pyFiles = listed.stdout
        .split('\n')
        .filter((f) => /\.(py|ipynb)$/.test(f))
        .filter((f) => !/(^|\/)(\.venv|env|node_modules|\.ipynb_checkpoints)\//.test(f))
        .sort();
      assert.deepStrictEqual(pyFiles, files);
    }
  });

  it('exits 0 on a clean folder and 2 on bad usage', () => {
    const clean = fs.mkdtempSync(path.join(os.tmpdir(), 'shape-lens-clean-'));
    fs.copyFileSync(CLEAN, path.join(clean, 'model.py'));
    const ok = cli(['check', clean]);
    assert.strictEqual(ok.code, 0, ok.stdout + ok.stderr);
    assert.match(ok.stdout, /^1 file checked: 0 errors, /m);
    for (const args of [['--jsn', clean], ['--format', 'xml', clean], ['--format'], [], ['--format=json']]) {
      const r = cli(['check', ...args]);
      assert.strictEqual(r.code, 2, `check ${args.join(' ')}: ${r.stdout}${r.stderr}`);
      assert.strictEqual(r.stdout, '');
    }
  });

  it('--format json has one shape for one file or many', () => {
    const one = JSON.parse(cli(['check', '--format', 'json', BROKEN]).stdout);
    const many = JSON.parse(cli(['check', '--format', 'json', root]).stdout);
    for (const out of [one, many]) {
      assert.deepStrictEqual(Object.keys(out), ['version', 'files', 'unreadable', 'counts']);
      assert.ok(Array.isArray(out.files));
    }
    assert.strictEqual(one.counts.errors, 1);
    const errors = one.files[0].diagnostics.filter((d: { severity: string }) => d.severity === 'error');
    assert.deepStrictEqual(
      errors.map((d: { line: number }) => d.line),
      [readProgramTruth(BROKEN).error!.line],
    );
  });

  it('writes SARIF 2.1.0 that the official schema accepts, with the error on its file and line', () => {
    const r = cli(['check', '--format', 'sarif', '.'], { cwd: root });
    assert.strictEqual(r.code, 1, r.stderr);
    const log = validSarif(r.stdout);
    const run = log.runs[0];
    const errors = run.results.filter((x: { level: string }) => x.level === 'error');
    assert.strictEqual(errors.length, 1);
    const where = errors[0].locations[0].physicalLocation;
    assert.deepStrictEqual(where.artifactLocation.uri, 'models/broken.py');
    assert.strictEqual(where.artifactLocation.uriBaseId, 'SRCROOT');
    assert.strictEqual(where.region.startLine, readProgramTruth(BROKEN).error!.line);
    assert.strictEqual(errors[0].ruleId, 'keras-error');
    assert.strictEqual(run.tool.driver.rules[errors[0].ruleIndex].id, 'keras-error');
    assert.strictEqual(run.invocations[0].executionSuccessful, true);
  });

  it('points SARIF results in a notebook at the .ipynb line where the cell line is written', () => {
    const truth = JSON.parse(fs.readFileSync(NOTEBOOK.replace(/\.ipynb$/, '.truth.json'), 'utf8'));
    const lines: Array<[number, number]> = JSON.parse(
      fs.readFileSync(NOTEBOOK.replace(/\.ipynb$/, '.lines.json'), 'utf8'),
    );
    const [cell, cellLine] = lines[truth.error!.line - 1];
    const r = cli(['check', '--format', 'sarif', NOTEBOOK]);
    assert.strictEqual(r.code, 1, r.stderr);
    const result = validSarif(r.stdout).runs[0].results.find((x: { level: string }) => x.level === 'error');
    assert.deepStrictEqual(result.properties, { ...result.properties, cell, cellLine });
    const nb = JSON.parse(fs.readFileSync(NOTEBOOK, 'utf8'));
    const sourceLine = nb.cells[cell].source[cellLine - 1];
    const fileLine = fs.readFileSync(NOTEBOOK, 'utf8').split('\n')[
      result.locations[0].physicalLocation.region.startLine - 1
    ];
    assert.strictEqual(fileLine.trim().replace(/,$/, ''), JSON.stringify(sourceLine));
  });

  it('reports an unreadable path in SARIF as a failed invocation, still valid, and exits 2', () => {
    const r = cli(['check', '--format', 'sarif', CLEAN, '/dev/zero', path.join(root, 'missing.py')]);
    assert.strictEqual(r.code, 2);
    const run = validSarif(r.stdout).runs[0];
    assert.strictEqual(run.invocations[0].executionSuccessful, false);
    assert.deepStrictEqual(
      run.invocations[0].toolExecutionNotifications.map((n: { message: { text: string } }) => n.message.text),
      ['/dev/zero: is a device, not a file', `${path.join(root, 'missing.py')}: no such file or folder`],
    );
  });

  it('shows a progress line on a terminal, and none in a pipe', function () {
    if (spawnSync('script', ['--version']).status !== 0) this.skip(); // util-linux's script gives the run a terminal
    const command = `${JSON.stringify(process.execPath)} ${JSON.stringify(SHAPE_LENS)} check ${JSON.stringify(root)} >/dev/null`;
    const env = { ...process.env, SHAPE_LENS_PROGRESS_AFTER_MS: '0' };
    const tty = spawnSync('script', ['-qec', command, '/dev/null'], { encoding: 'utf8', env });
    assert.match(tty.stdout, /\[\d+\/4\] [^\r\n]*\.py/);
    const pipe = cli(['check', root], { env });
    assert.doesNotMatch(pipe.stderr, /\[\d+\/4\]/);
  });
});
