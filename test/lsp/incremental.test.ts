/**
 * The server's runs ahead over stdio (`interpret/incremental/`): after an edit and a moment of idle
 * time, the next edit of the same statement resumes the run made ahead (the server's counters say
 * so), and every answer is what a fresh server gives for the same text.
 */

import * as assert from 'assert';
import type { Diagnostic } from 'vscode-languageserver-protocol/node';
import { LspTestClient } from '../helpers/lspClient';
import { manyModelsFile } from '../../scripts/bench-files';

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

describe('LSP: runs resumed across edits', function () {
  this.timeout(120000);

  it('an edit after idle time resumes the run made ahead, and answers as a fresh server does', async () => {
    const text = manyModelsFile(400);
    const lines = text.split('\n');
    // A Dense of the last models: most statements are above it.
    let line = lines.length - 1;
    while (!lines[line].includes('layers.Dense(')) line--;
    const col = lines[line].indexOf('Dense(') + 6;
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
      const stats = (await client.connection.sendRequest('shapeLens/stats')) as { resumed: number; skipped: number };
      assert.ok(stats.resumed >= 2, `resumed ${stats.resumed}`);
      assert.ok(stats.skipped > 100, `skipped ${stats.skipped}`);
      const fresh = new LspTestClient();
      try {
        await fresh.initialize();
        await fresh.open(URI, edited.join('\n'));
        assert.deepStrictEqual(await answersOf(client, 4, line), await answersOf(fresh, 1, line));
      } finally {
        await fresh.shutdown();
      }
    } finally {
      await client.shutdown();
    }
  });
});
