/**
 * The packaged .vsix as the extension page and VS Code read it: the bundles
 * are minified and refer to no source map (none is shipped), the README is
 * the extension page's own (docs/marketplace/README.md), with no relative
 * image or link (VS Code's extension page drops relative images, and a
 * relative link leads nowhere there), and nothing else of the repository is
 * shipped.
 */

import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as yauzl from 'yauzl';
import { packageVsix } from '../scripts/package';
import { REPO_ROOT } from './helpers/truth';

function readZip(file: string): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true }, (err, zip) => {
      if (err || !zip) return reject(err);
      const files = new Map<string, Buffer>();
      zip.on('entry', (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (e, stream) => {
          if (e || !stream) return reject(e);
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => {
            files.set(entry.fileName, Buffer.concat(chunks));
            zip.readEntry();
          });
        });
      });
      zip.on('end', () => resolve(files));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

describe('the packaged .vsix', function () {
  this.timeout(120000);
  let files: Map<string, Buffer>;
  let size = 0;

  before(async () => {
    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'shape-lens-vsix-')), 'shape-lens.vsix');
    packageVsix({ out, quiet: true });
    size = fs.statSync(out).size;
    files = await readZip(out);
  });

  it('ships minified bundles that name no source map', () => {
    for (const bundle of [
      'extension/dist/extension.js',
      'extension/dist/server-main.js',
      'extension/dist/server.js',
      'extension/dist/webview.js',
    ]) {
      const text = files.get(bundle)!.toString('utf8');
      assert.doesNotMatch(text, /sourceMappingURL/, bundle);
      // Minified: long lines, few of them (the server's entry, a few KB, has a handful).
      assert.ok(text.split('\n').length < Math.max(10, text.length / 1000), `${bundle} is minified`);
    }
    assert.deepStrictEqual(
      [...files.keys()].filter((f) => f.endsWith('.map')),
      [],
    );
  });

  it("carries the extension page's README, with no image or link that needs the repository", () => {
    const readme = files.get('extension/readme.md')?.toString('utf8');
    assert.strictEqual(readme, fs.readFileSync(path.join(REPO_ROOT, 'docs', 'marketplace', 'README.md'), 'utf8'));
    const targets = [...readme!.matchAll(/\[[^\]]*\]\(([^)\s]+)\)/g), ...readme!.matchAll(/<img[^>]+src="([^"]+)"/g)];
    for (const [, target] of targets)
      assert.match(target, /^https:\/\//, `${target} would break on the extension page`);
  });

  it('holds only the bundles (and the model view stylesheet), grammars, manifest and its translations, icon and README', () => {
    const names = [...files.keys()].filter((f) => f.startsWith('extension/')).sort();
    assert.deepStrictEqual(names, [
      'extension/LICENSE.txt',
      'extension/dist/extension.js',
      'extension/dist/server-main.js',
      'extension/dist/server.js',
      'extension/dist/webview.css',
      'extension/dist/webview.js',
      'extension/grammars/tree-sitter-python.wasm',
      'extension/grammars/tree-sitter.wasm',
      'extension/images/icon.png',
      'extension/l10n/bundle.l10n.zh-cn.json',
      'extension/package.json',
      'extension/package.nls.json',
      'extension/package.nls.zh-cn.json',
      'extension/readme.md',
    ]);
  });

  it('is the size the README says', () => {
    const readme = fs.readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
    const m = /makes `shape-lens-[\d.]+\.vsix` \(about (\d+) KB/.exec(readme);
    assert.ok(m, 'the README states the size');
    const kb = size / 1024;
    assert.ok(Math.abs(kb - Number(m[1])) / kb < 0.1, `the README says about ${m[1]} KB; it is ${kb.toFixed(0)} KB`);
  });
});
