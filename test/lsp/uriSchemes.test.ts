/**
 * Documents that are not files on disk, over stdio: an `untitled:` document (a new, unsaved editor) and one
 * of another scheme get the same hints as the file would (Keras's rows, recorded), and the workspace's
 * folder given as such a URI reads no imports and breaks nothing. Only `file:` URIs name paths.
 */

import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { labelText, LspTestClient } from '../helpers/lspClient';
import { kerasShapeText, readProgramTruth } from '../helpers/programs';
import { SHARED_TRUTH } from '../helpers/truth';

const PROGRAM = path.join(SHARED_TRUTH, 'programs', 'batchnorm_cnn_cifar.py');

describe('documents of other URI schemes over stdio', function () {
  this.timeout(60000);
  let client: LspTestClient;

  before(async () => {
    client = new LspTestClient();
    await client.initialize(undefined, 'vscode-vfs://github/keras-team/keras');
  });

  after(async () => {
    await client.shutdown();
  });

  for (const uri of ['untitled:Untitled-1', 'vscode-vfs://github/keras-team/keras/model.py']) {
    it(`gives ${uri.split(':')[0]}: documents Keras's rows as hints`, async () => {
      await client.open(uri, fs.readFileSync(PROGRAM, 'utf8'));
      const hints = await client.hints(uri);
      const rows = readProgramTruth(PROGRAM)
        .models.flatMap((m) => m.layers)
        .filter((r) => r.class !== 'InputLayer');
      assert.ok(rows.length > 3);
      for (const row of rows) {
        const labels = hints
          .filter((h) => h.position.line === row.line - 1)
          .map(labelText)
          .join(' | ');
        const shape = kerasShapeText(row.output_shape as Array<number | null>);
        assert.ok(labels.includes(shape), `line ${row.line}: ${shape} not in "${labels}"`);
      }
    });
  }
});
