/**
 * A short seeded run of `npm run fuzz` (scripts/fuzz.js) against the built server: random edits,
 * bursts, pathological documents and malformed traffic, with every check of the long run.
 */

import * as assert from 'assert';
import { failed, runFuzz } from '../../scripts/fuzz';

describe('fuzzing the language server over stdio', function () {
  this.timeout(300000);

  it('survives a seeded run: no crash, hang, logged exception, stale diagnostics or disagreement', async () => {
    const lines: string[] = [];
    const f = await runFuzz({ steps: 150, seed: 7, sample: 15, malformedEvery: 10, log: (l) => lines.push(l) });
    const report = `${JSON.stringify({ ...f, problems: undefined })}\n${lines.filter((l) => l.includes('!')).join('\n')}`;
    assert.strictEqual(f.steps, 150, report);
    assert.ok(f.samples > 0 && f.malformed.sent > 0, report);
    // Analyses that fail (caught, the last good answers served stale) are counted apart: deep syntax
    // overflowing the interpreter's stack is one, until it is walked without recursion.
    assert.strictEqual(failed(f, false), false, report);
  });
});
