/**
 * The server's entry (`lsp/boot.ts`, `dist/server.js`) and V8's code cache of the bundle: a cache is
 * taken only for the bundle, Node and flags it was made for, a damaged or stale one is never handed
 * to V8, a folder that cannot be written costs only the cache, and the server answers the same with
 * a cache, without one and with a broken one.
 */

import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { cacheName, loadBundle, readCache, writeCache } from '../../server/src/lsp/boot';
import { labelText, LspTestClient } from '../helpers/lspClient';
import { REPO_ROOT } from '../helpers/truth';

const tempDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'shape-lens-code-cache-'));

/** A bundle of `n`'s value, the same length for every digit. */
function bundle(dir: string, n: number): string {
  const file = path.join(dir, 'bundle.js');
  fs.writeFileSync(
    file,
    `exports.value = ${n}; exports.dir = __dirname; exports.file = __filename; exports.main = require.main === module;\n` +
      `exports.f = function f() { return [1, 2, 3].map((x) => x * ${n}); };\n`,
  );
  return file;
}

describe('the code cache of the server bundle', () => {
  it('compiles a bundle as Node would, then from its cache, with the same exports', () => {
    const dir = tempDir();
    const cache = path.join(dir, 'cache');
    const file = bundle(dir, 7);
    const first = loadBundle(file, cache);
    assert.strictEqual(first.fromCache, false);
    assert.deepStrictEqual(
      { value: first.exports.value, dir: first.exports.dir, file: first.exports.file, main: first.exports.main },
      { value: 7, dir, file, main: false },
    );
    assert.deepStrictEqual((first.exports.f as () => number[])(), [7, 14, 21]);
    writeCache(first.cacheFile!, first.script);
    assert.ok(fs.existsSync(first.cacheFile!));
    const second = loadBundle(file, cache);
    assert.strictEqual(second.fromCache, true);
    assert.strictEqual(second.exports.value, 7);
    assert.deepStrictEqual((second.exports.f as () => number[])(), [7, 14, 21]);
    // Without a folder, no cache.
    assert.strictEqual(loadBundle(file, undefined).cacheFile, undefined);
  });

  it('never takes the cache of another bundle, even of the same length, and removes it when writing its own', () => {
    const dir = tempDir();
    const cache = path.join(dir, 'cache');
    const a = loadBundle(bundle(dir, 3), cache);
    writeCache(a.cacheFile!, a.script);
    const b = loadBundle(bundle(dir, 4), cache);
    assert.notStrictEqual(b.cacheFile, a.cacheFile);
    assert.strictEqual(b.fromCache, false);
    assert.strictEqual(b.exports.value, 4);
    writeCache(b.cacheFile!, b.script);
    assert.deepStrictEqual(fs.readdirSync(cache), [path.basename(b.cacheFile!)]);
  });

  it('hands V8 no data of a damaged or cut file', () => {
    const dir = tempDir();
    const cache = path.join(dir, 'cache');
    const file = bundle(dir, 5);
    const loaded = loadBundle(file, cache);
    writeCache(loaded.cacheFile!, loaded.script);
    const good = fs.readFileSync(loaded.cacheFile!);
    assert.ok(readCache(loaded.cacheFile!));
    const damaged = Buffer.from(good);
    damaged[damaged.length - 5] ^= 0xff;
    fs.writeFileSync(loaded.cacheFile!, damaged);
    assert.strictEqual(readCache(loaded.cacheFile!), undefined);
    assert.strictEqual(loadBundle(file, cache).fromCache, false);
    fs.writeFileSync(loaded.cacheFile!, good.subarray(0, 20));
    assert.strictEqual(readCache(loaded.cacheFile!), undefined);
    assert.strictEqual(readCache(path.join(dir, 'none')), undefined);
  });

  it('names the cache by the bundle, Node and the flags, and keeps the caches of this bundle under other flags', () => {
    assert.strictEqual(cacheName('a'), cacheName('a'));
    assert.notStrictEqual(cacheName('a'), cacheName('b'));
    const dir = tempDir();
    const cache = path.join(dir, 'cache');
    const loaded = loadBundle(bundle(dir, 2), cache);
    const [, bundleHash] = path.basename(loaded.cacheFile!).split('-');
    const otherFlags = path.join(cache, `server-${bundleHash}-0000000000000000.v8cache`);
    fs.mkdirSync(cache);
    fs.writeFileSync(otherFlags, 'x');
    writeCache(loaded.cacheFile!, loaded.script);
    assert.deepStrictEqual(
      fs.readdirSync(cache).sort(),
      [path.basename(loaded.cacheFile!), path.basename(otherFlags)].sort(),
    );
  });

  it('costs only the cache where the folder cannot be written', () => {
    const dir = tempDir();
    // A file where the folder would be: neither it nor anything in it can be made.
    const blocked = path.join(dir, 'blocked');
    fs.writeFileSync(blocked, '');
    const loaded = loadBundle(bundle(dir, 6), blocked);
    assert.strictEqual(loaded.exports.value, 6);
    writeCache(loaded.cacheFile!, loaded.script);
    assert.strictEqual(fs.readFileSync(blocked, 'utf8'), '');
  });
});

describe('the server with a code cache', function () {
  this.timeout(60000);
  const example = path.join(REPO_ROOT, 'examples', 'seed_model2.py');
  const uri = `file://${example}`;

  async function hintsWith(env: NodeJS.ProcessEnv): Promise<string[]> {
    const client = new LspTestClient(undefined, env);
    await client.initialize();
    await client.open(uri, fs.readFileSync(example, 'utf8'));
    const hints = (await client.hints(uri)).map((h) => `${h.position.line}:${h.position.character} ${labelText(h)}`);
    await client.shutdown();
    assert.strictEqual(client.stderr, '');
    return hints;
  }

  it('answers the same without a cache, with one and with a damaged one', async () => {
    const dir = tempDir();
    const without = await hintsWith({});
    assert.ok(without.length > 0);
    // The cache as the server would write it: made by a process started as the server is (no flags).
    const script = path.join(dir, 'make-cache.js');
    fs.writeFileSync(
      script,
      `const boot = require(${JSON.stringify(path.join(REPO_ROOT, 'dist', 'server.js'))});\n` +
        `const bundle = ${JSON.stringify(path.join(REPO_ROOT, 'dist', 'server-main.js'))};\n` +
        `const made = boot.loadBundle(bundle, ${JSON.stringify(dir)});\n` +
        `boot.writeCache(made.cacheFile, made.script);\n` +
        `process.stdout.write(String(boot.loadBundle(bundle, ${JSON.stringify(dir)}).fromCache));\n`,
    );
    const made = spawnSync(process.execPath, [script], { encoding: 'utf8' });
    assert.strictEqual(made.stdout, 'true', made.stderr);
    const [cache] = fs.readdirSync(dir).filter((f) => f.endsWith('.v8cache'));
    assert.ok(cache);
    assert.deepStrictEqual(await hintsWith({ SHAPE_LENS_CODE_CACHE: dir }), without);
    const data = fs.readFileSync(path.join(dir, cache));
    data[data.length >> 1] ^= 0xff;
    fs.writeFileSync(path.join(dir, cache), data);
    assert.deepStrictEqual(await hintsWith({ SHAPE_LENS_CODE_CACHE: dir }), without);
  });
});
