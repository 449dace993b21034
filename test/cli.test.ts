/**
 * The `shape-lens` CLI as a user runs it: the bundled `bin/shape-lens.js`
 * in a child process, on truth files and on broken input.
 */

import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { REPO_ROOT, SHARED_TRUTH } from './helpers/truth';

function cli(args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [path.join(REPO_ROOT, 'bin', 'shape-lens.js'), ...args], { encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
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
