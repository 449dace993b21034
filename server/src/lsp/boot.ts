/**
 * The language server's entry (`dist/server.js`): it compiles the server's own bundle beside it
 * (`dist/server-main.js`, built from `main.ts`) with V8's code cache, then starts the server. It
 * compiles nothing else: no text from a workspace, a setting or the protocol ever reaches it.
 *
 * Compiling the bundle and, during the first analysis, the functions it runs costs a tenth or more
 * of a cold start; V8 can save what it compiled (`Script.createCachedData`) and take it back in a
 * later process. The cache is used only where the client names a folder the server may write
 * (`SHAPE_LENS_CODE_CACHE`; the VS Code client passes the extension's global storage); without one
 * the bundle is compiled as Node would.
 *
 * A stale or broken cache costs only the cache: its file name holds the bundle's SHA-256, Node's and
 * V8's versions, the platform and the V8 flags (another bundle, Node or flag set never reads it), its
 * content carries its own SHA-256 (a file cut short or damaged is not handed to V8), V8 itself refuses
 * data made by another version or for other flags (`cachedDataRejected`), and a cache that cannot be read
 * or written is no cache. It is written once, `WRITE_DELAY_MS` after the start (by then the first analysis
 * has compiled what it runs), to a file of its own renamed into place, so that servers starting together
 * never read a half-written cache; the caches of other bundles in the folder are removed then (those of
 * the same bundle under other flags, as the client's debug configuration, stay).
 */

import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import * as vm from 'vm';

/** How long after the start the cache is written, in ms. */
const WRITE_DELAY_MS = 5_000;
const PREFIX = 'server-';
const SUFFIX = '.v8cache';

const sha256 = (data: string | Uint8Array) => createHash('sha256').update(data).digest();

/** A bundle compiled and run. */
export interface Loaded {
  /** What the bundle exports (`main.ts`'s `startServer`). */
  exports: Record<string, unknown>;
  script: vm.Script;
  /** Where its cache is kept; undefined without a cache folder. */
  cacheFile?: string;
  /** Whether V8 took the code from the cache. */
  fromCache: boolean;
}

/** Compiles and runs the bundle `file`, with the code cache in `cacheDir` when given. */
export function loadBundle(file: string, cacheDir: string | undefined): Loaded {
  const source = fs.readFileSync(file, 'utf8');
  const cacheFile = cacheDir ? path.join(cacheDir, cacheName(source)) : undefined;
  const cachedData = cacheFile ? readCache(cacheFile) : undefined;
  // Node's own wrapper of a CommonJS module: the bundle sees the `require`, `module` and `__dirname` it
  // would have as a file of its own. On a line of its own, so that stack traces give the bundle's lines.
  const wrapper = `(function (exports, require, module, __filename, __dirname) {\n${source}\n});`;
  const script = new vm.Script(wrapper, { filename: file, lineOffset: -1, cachedData });
  const module = { exports: {} as Record<string, unknown> };
  const run = script.runInThisContext() as (...args: unknown[]) => void;
  run.call(module.exports, module.exports, require, module, file, path.dirname(file));
  return { exports: module.exports, script, cacheFile, fromCache: !!cachedData && !script.cachedDataRejected };
}

/**
 * The cache's file name: the bundle's hash, then the hash of what V8's data depends on besides the bundle
 * (Node's and V8's versions, the platform, the V8 flags).
 */
export function cacheName(source: string): string {
  const runtime = [process.version, process.versions.v8, process.platform, process.arch, ...process.execArgv].join(
    '\0',
  );
  const hex = (data: string) => sha256(data).toString('hex').slice(0, 16);
  return `${PREFIX}${hex(source)}-${hex(runtime)}${SUFFIX}`;
}

/** The cache's data if the file holds data with its own hash in front; else undefined. */
export function readCache(file: string): Buffer | undefined {
  let content: Buffer;
  try {
    content = fs.readFileSync(file);
  } catch {
    return undefined;
  }
  if (content.length <= 32) return undefined;
  const data = content.subarray(32);
  return sha256(data).equals(content.subarray(0, 32)) ? data : undefined;
}

/** Writes the cache of `script` (hash, then data) to `file` through a file of its own, and removes the caches of other bundles. */
export function writeCache(file: string, script: vm.Script): void {
  const temp = `${file}.${process.pid}.tmp`;
  try {
    const data = script.createCachedData();
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(temp, Buffer.concat([sha256(data), data]));
    fs.renameSync(temp, file);
    // The caches of other bundles (an earlier version's) go; those of this bundle under other flags stay.
    const dir = path.dirname(file);
    const bundle = path.basename(file).split('-')[1];
    for (const name of fs.readdirSync(dir))
      if (name.startsWith(PREFIX) && name.endsWith(SUFFIX) && name.split('-')[1] !== bundle)
        fs.rmSync(path.join(dir, name), { force: true });
  } catch {
    // No cache: the next start compiles the bundle again.
    try {
      fs.rmSync(temp, { force: true });
    } catch {
      // The folder cannot be written: nothing was left in it.
    }
  }
}

if (require.main === module) {
  const fail = (e: unknown) => {
    process.stderr.write(`shape-lens server: ${e instanceof Error ? e.stack : String(e)}\n`);
    process.exit(1);
  };
  try {
    const loaded = loadBundle(path.join(__dirname, 'server-main.js'), process.env.SHAPE_LENS_CODE_CACHE || undefined);
    const { cacheFile, script } = loaded;
    if (cacheFile && !loaded.fromCache) setTimeout(() => writeCache(cacheFile, script), WRITE_DELAY_MS).unref();
    (loaded.exports.startServer as () => Promise<void>)().catch(fail);
  } catch (e) {
    fail(e);
  }
}
