/**
 * File URIs and paths (`server/src/lsp/uris.ts`, with vscode-uri) against
 * Node's own conversions: every path comes back from its URI, both ways, and
 * URIs that name no file on this machine give no path.
 */

import * as assert from 'assert';
import * as path from 'path';
import { fileURLToPath, pathToFileURL } from 'url';
import { filePathOfUri, fileUriOf } from '../../server/src/lsp/uris';

const PATHS = ['/tmp/model.py', '/tmp/a b/c%d/e#f?g.py', '/tmp/données/模型.py', '/tmp/+plus/@at/[x]/'];

describe('file URIs and paths', () => {
  if (process.platform === 'win32') return;

  it("reads Node's file URIs as Node reads them (resolved, as the analysis names files)", () => {
    for (const p of PATHS)
      assert.strictEqual(filePathOfUri(pathToFileURL(p).href), path.resolve(fileURLToPath(pathToFileURL(p))));
    assert.strictEqual(
      filePathOfUri('file://localhost/tmp/x.py'),
      path.resolve(fileURLToPath('file://localhost/tmp/x.py')),
    );
  });

  it('writes URIs Node reads back to the same path', () => {
    for (const p of PATHS) assert.strictEqual(fileURLToPath(fileUriOf(p)), p);
  });

  it('gives no path for other schemes, other hosts or text that is no URI', () => {
    for (const u of [
      'untitled:Untitled-1',
      'vscode-notebook-cell:/tmp/a.ipynb#W0sZmlsZQ==',
      'file://host/share/x.py',
      'model.py',
    ])
      assert.strictEqual(filePathOfUri(u), undefined, u);
  });
});
