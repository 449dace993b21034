/**
 * Models built from helpers in another file of the workspace, over stdio: the importer's hints are
 * Keras's rows (recorded by running the project), read from the imported module on disk; once that
 * module is open and edited, the importer's hints follow its unsaved text (recorded for the edited
 * project too), and they come back when the edit is closed unsaved.
 */

import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as os from 'os';
import { pathToFileURL } from 'url';
import { FileChangeType, type InlayHint } from 'vscode-languageserver-protocol/node';
import { labelText, LspTestClient } from '../helpers/lspClient';
import { kerasShapeText, readProgramTruth } from '../helpers/programs';
import { LOCAL_TRUTH } from '../helpers/truth';

const PROJECTS = path.join(LOCAL_TRUTH, 'imports');

/** For each line of `main.py` that Keras put rows on (InputLayer aside), the shapes it printed, as hints read. */
function expectedHints(project: string): Map<number, string[]> {
  const truth = readProgramTruth(path.join(PROJECTS, project, 'main.py'));
  const byLine = new Map<number, string[]>();
  for (const row of truth.models.flatMap((m) => m.layers)) {
    if (row.class === 'InputLayer') continue;
    const shapes = byLine.get(row.line - 1) ?? [];
    shapes.push(kerasShapeText(row.output_shape as Array<number | null>));
    byLine.set(row.line - 1, shapes);
  }
  return byLine;
}

function assertHintsMatch(hints: InlayHint[], project: string): void {
  const expected = expectedHints(project);
  assert.ok(expected.size > 0);
  for (const [line, shapes] of expected) {
    const labels = hints
      .filter((h) => h.position.line === line)
      .map(labelText)
      .join(' | ');
    // A line that makes many layers (a helper's call) lists its first two shapes, "…" and its last.
    const distinct = [...new Set(shapes)];
    const listed = labels.includes('…') ? [distinct[0], distinct[1], distinct[distinct.length - 1]] : shapes;
    for (const shape of listed) assert.ok(labels.includes(shape), `line ${line + 1}: ${shape} not in "${labels}"`);
  }
}

describe('imports of the workspace over stdio', function () {
  this.timeout(60000);
  let client: LspTestClient;
  const root = path.join(PROJECTS, 'project');
  const mainUri = pathToFileURL(path.join(root, 'main.py')).href;
  const blocksFile = path.join(root, 'nets', 'blocks.py');
  const blocksUri = pathToFileURL(blocksFile).href;

  before(async () => {
    client = new LspTestClient();
    await client.initialize(undefined, pathToFileURL(root).href);
    await client.open(mainUri, fs.readFileSync(path.join(root, 'main.py'), 'utf8'));
  });

  after(async () => {
    await client.shutdown();
  });

  it('reads the imported module from disk: the importer gets Keras rows', async () => {
    assertHintsMatch(await client.hints(mainUri), 'project');
  });

  it("follows the imported module's unsaved edits, and its file on disk again once closed", async () => {
    await client.open(blocksUri, fs.readFileSync(blocksFile, 'utf8'));
    const edited = fs.readFileSync(path.join(PROJECTS, 'project-edited', 'nets', 'blocks.py'), 'utf8');
    await client.change(blocksUri, 2, [{ text: edited }]);
    assertHintsMatch(await client.hints(mainUri), 'project-edited');
    await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: blocksUri } });
    assertHintsMatch(await client.hints(mainUri), 'project');
  });
});

describe('imports of a package over stdio', function () {
  this.timeout(60000);

  it('follows `import a.b as c`, `from a import m`, `*`, relative imports inside the package and a layer class of another module', async () => {
    const root = path.join(PROJECTS, 'package');
    const uri = pathToFileURL(path.join(root, 'main.py')).href;
    const client = new LspTestClient();
    try {
      await client.initialize(undefined, pathToFileURL(root).href);
      await client.open(uri, fs.readFileSync(path.join(root, 'main.py'), 'utf8'));
      assertHintsMatch(await client.hints(uri), 'package');
      assert.deepStrictEqual(
        (await client.diagnosticsFor(uri, 1)).filter((d) => d.severity === 1),
        [],
      );
    } finally {
      await client.shutdown();
    }
  });
});

describe('imports of the workspace: files changed on disk', function () {
  this.timeout(60000);
  let client: LspTestClient;
  let root: string;
  let mainUri: string;
  let blocksFile: string;

  before(async () => {
    // A copy of the project, so that its helper can be rewritten and deleted on disk.
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'shape-lens-watched-'));
    fs.cpSync(path.join(PROJECTS, 'project'), root, { recursive: true });
    mainUri = pathToFileURL(path.join(root, 'main.py')).href;
    blocksFile = path.join(root, 'nets', 'blocks.py');
    client = new LspTestClient();
    await client.initialize(undefined, pathToFileURL(root).href);
    await client.open(mainUri, fs.readFileSync(path.join(root, 'main.py'), 'utf8'));
  });

  after(async () => {
    await client.shutdown();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it("a helper rewritten on disk (the editor's watcher says so) gives the importer the new rows", async () => {
    assertHintsMatch(await client.hints(mainUri), 'project');
    fs.copyFileSync(path.join(PROJECTS, 'project-edited', 'nets', 'blocks.py'), blocksFile);
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', {
      changes: [{ uri: pathToFileURL(blocksFile).href, type: FileChangeType.Changed }],
    });
    assertHintsMatch(await client.hints(mainUri), 'project-edited');
  });

  it('a helper deleted on disk leaves the importer without its rows, and with no error (it may be installed)', async () => {
    fs.rmSync(blocksFile);
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', {
      changes: [{ uri: pathToFileURL(blocksFile).href, type: FileChangeType.Deleted }],
    });
    const hints = await client.hints(mainUri);
    const expected = expectedHints('project');
    // The lines that call the deleted helper: Keras put rows on them.
    const convLines = fs
      .readFileSync(path.join(root, 'main.py'), 'utf8')
      .split('\n')
      .flatMap((text, line) => (text.includes('conv_block(') ? [line] : []));
    assert.ok(convLines.length > 0 && convLines.every((line) => expected.has(line)));
    for (const line of convLines) {
      const labels = hints.filter((h) => h.position.line === line).map(labelText);
      for (const shape of expected.get(line)!)
        assert.ok(!labels.some((l) => l.includes(shape)), `line ${line + 1} still shows ${shape}`);
    }
    await client.change(mainUri, 2, [{ text: fs.readFileSync(path.join(root, 'main.py'), 'utf8') + '\n' }]);
    const errors = (await client.diagnosticsFor(mainUri, 2)).filter((d) => d.severity === 1);
    assert.deepStrictEqual(errors, []);
  });
});
