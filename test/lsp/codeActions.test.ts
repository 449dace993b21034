/**
 * Quick fixes and the display language over stdio: the seed's channels-first
 * warning offers its fixes as code actions of kind quickfix, attached to the
 * diagnostic the server published; applying the preferred one (as an editor
 * applies a WorkspaceEdit) makes the next diagnostics drop it. A client that
 * says `locale: zh-cn` in `initialize` gets the texts in Chinese.
 */

import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol/node';
import { LspTestClient } from '../helpers/lspClient';
import { REPO_ROOT } from '../helpers/truth';

const SEED = path.join(REPO_ROOT, 'examples', 'seed_model2_channels_first_input.py');
const uri = `file://${SEED}`;

describe('quick fixes and locale over stdio', function () {
  this.timeout(60000);

  it('offers the channels-first fixes on the published warning, and applying one removes it', async () => {
    const client = new LspTestClient();
    try {
      await client.initialize();
      const text = fs.readFileSync(SEED, 'utf8');
      await client.open(uri, text);
      const published = await client.diagnosticsFor(uri, 1);
      const warning = published.find((d) => d.code === 'channels-first-input')!;
      assert.ok(warning, JSON.stringify(published));
      const actions = (await client.codeActions(uri, warning.range, [warning])) as CodeAction[];
      const mine = actions.filter((a) => a.diagnostics?.some((d) => d.code === 'channels-first-input'));
      assert.deepStrictEqual(
        mine.map((a) => [a.kind, a.isPreferred ?? false]),
        [
          ['quickfix', true],
          ['quickfix', false],
        ],
      );
      // The action names the diagnostic exactly as it was published.
      assert.deepStrictEqual(mine[0].diagnostics, [warning]);
      assert.match(mine[0].title, /np\.transpose\(x, \(0, 2, 3, 1\)\)/);

      const doc = TextDocument.create(uri, 'python', 1, text);
      const edits = mine[0].edit!.changes![uri];
      const fixed = TextDocument.applyEdits(doc, edits);
      await client.change(uri, 2, [{ text: fixed }]);
      const after: Diagnostic[] = await client.diagnosticsFor(uri, 2);
      assert.deepStrictEqual(
        after.filter((d) => d.code === 'channels-first-input'),
        [],
      );
      // The model now wants channels last while the file's data is still channels first: Keras raises at
      // `predict` (the fix's title says to transpose the data), and nothing else is new.
      const dataError = after.filter((d) => d.code === 'keras-error');
      assert.deepStrictEqual(
        dataError.map((d) => [d.range.start.line, String(d.message).split('\n').pop()]),
        [
          [
            23,
            "The data holds the axes the model wants in another order: `np.transpose(board, (0, 2, 3, 1))` puts them in the order of the model's input.",
          ],
        ],
      );
      assert.deepStrictEqual(
        after
          .filter((d) => d.code !== 'keras-error')
          .map((d) => d.code)
          .sort(),
        published
          .filter((d) => d !== warning)
          .map((d) => d.code)
          .sort(),
      );
      // Only quick fixes are offered: a request for other kinds gets none.
      const refactors = await client.connection.sendRequest('textDocument/codeAction', {
        textDocument: { uri },
        range: warning.range,
        context: { diagnostics: [], only: ['refactor'] },
      });
      assert.deepStrictEqual(refactors, []);
    } finally {
      await client.shutdown();
    }
  });

  it('speaks Chinese to a client whose display language is zh-cn', async () => {
    const client = new LspTestClient();
    try {
      await client.initialize('zh-cn');
      const text = fs.readFileSync(SEED, 'utf8');
      await client.open(uri, text);
      const published = await client.diagnosticsFor(uri, 1);
      const warning = published.find((d) => d.code === 'channels-first-input')!;
      assert.match(String(warning.message), /^Keras 把这个输入读作（批次, 行=20, 列=15, 通道=15）/);
      const line = text.split('\n').findIndex((l) => l.includes('Conv2D(12'));
      const hover = await client.hover(uri, line, text.split('\n')[line].indexOf('Conv2D(12') + 2);
      assert.match(
        (hover?.contents as { value: string }).value,
        /输出：`\(None, 20, 15, 12\)` — 批次=None, 行=20, 列=15, 通道=12/,
      );
      const actions = (await client.codeActions(uri, warning.range, [warning])) as CodeAction[];
      assert.ok(
        actions.some((a) => a.title.startsWith('把输入改为通道在后：(15, 15, 20)')),
        JSON.stringify(actions.map((a) => a.title)),
      );
    } finally {
      await client.shutdown();
    }
  });
});
