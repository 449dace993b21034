/**
 * The server's incremental runs over stdio (`interpret/incremental/`): in a file of many models, an
 * edit runs only the model it touched; in a file that is one model, after an edit and a moment of
 * idle time, the next edit of the same statement resumes the run made ahead. The server's counters
 * say so, and every answer is what a fresh server gives for the same text.
 */

import * as assert from 'assert';
import type { Diagnostic } from 'vscode-languageserver-protocol/node';
import { LspTestClient } from '../helpers/lspClient';
import { manyModelsFile, modelFile } from '../../scripts/bench-files';

const URI = 'file:///incremental/models.py';

interface Answers {
  hints: unknown;
  hover: unknown;
  diagnostics: Diagnostic[];
}

async function answersOf(client: LspTestClient, version: number, line: number): Promise<Answers> {
  return {
    diagnostics: await client.diagnosticsFor(URI, version),
    hints: await client.hints(URI),
    hover: await client.hover(URI, line, 6),
  };
}

interface Stats {
  resumed: number;
  skipped: number;
  groupRuns: number;
  kept: number;
}

describe('LSP: runs resumed across edits', function () {
  this.timeout(120000);

  it('an edit after idle time resumes the run made ahead, and answers as a fresh server does', async () => {
    // One model whose every line reads the last: one group, which every edit runs again.
    const stats = await editsOf(modelFile(400), 'layers.Conv2D(');
    assert.ok(stats.resumed >= 2, `resumed ${stats.resumed}`);
    assert.ok(stats.skipped > 100, `skipped ${stats.skipped}`);
  });

  it('an edit of one model of many runs that model only, and answers as a fresh server does', async () => {
    const stats = await editsOf(manyModelsFile(400), 'layers.Dense(');
    assert.ok(stats.groupRuns >= 3, `group runs ${stats.groupRuns}`);
    assert.ok(stats.kept > 300, `kept ${stats.kept}`);
  });

  /** Three edits of a digit of the last `call` of `text`, with idle time after each; the server's counters. */
  async function editsOf(text: string, call: string): Promise<Stats> {
    const lines = text.split('\n');
    // A call of the last lines: most statements are above it.
    let line = lines.length - 1;
    while (!lines[line].includes(call)) line--;
    const col = lines[line].indexOf(call) + call.length;
    const client = new LspTestClient(undefined, { SHAPE_LENS_STATS: '1' });
    let edited = lines;
    try {
      await client.initialize();
      await client.open(URI, text);
      await answersOf(client, 1, line);
      for (const [version, digit] of [
        [2, '7'],
        [3, '8'],
        [4, '9'],
      ] as const) {
        edited = edited.map((l, i) => (i === line ? l.slice(0, col) + digit + l.slice(col + 1) : l));
        await client.change(URI, version, [
          { range: { start: { line, character: col }, end: { line, character: col + 1 } }, text: digit },
        ]);
        await answersOf(client, version, line);
        // Idle time: the run ahead of the statements above the edit is made.
        await new Promise((r) => setTimeout(r, 500));
      }
      const stats = (await client.connection.sendRequest('shapeLens/stats')) as Stats;
      const fresh = new LspTestClient();
      try {
        await fresh.initialize();
        await fresh.open(URI, edited.join('\n'));
        assert.deepStrictEqual(await answersOf(client, 4, line), await answersOf(fresh, 1, line));
      } finally {
        await fresh.shutdown();
      }
      return stats;
    } finally {
      await client.shutdown();
    }
  }
});
