/**
 * What the real editor needs, installed only when missing, and idempotently
 * (see editor-setup.js for the list): Debian packages with apt, and npm
 * packages into folders of the cache (`.e2e/` at the repository root, or
 * $SHAPE_LENS_E2E_CACHE), one installer at a time (CACHE/.lock).
 */
'use strict';
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const { withTicker } = require('./ticker');

const ROOT = path.resolve(__dirname, '..');
const CACHE = path.resolve(process.env.SHAPE_LENS_E2E_CACHE || path.join(ROOT, '.e2e'));

const VERSIONS = {
  node: '24.21.0',
  codeServer: '4.139.1',
  playwrightCore: '1.65.1',
};

function log(msg) {
  process.stderr.write(`[editor-setup] ${msg}\n`);
}

function elapsed(start) {
  return `${((Date.now() - start) / 1000).toFixed(1)} s`;
}

function which(cmd) {
  for (const dir of (process.env.PATH || '').split(path.delimiter)) {
    const file = path.join(dir, cmd);
    try {
      fs.accessSync(file, fs.constants.X_OK);
      if (fs.statSync(file).isFile()) return file;
    } catch {
      // not here
    }
  }
  return undefined;
}

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { stdio: ['ignore', 'inherit', 'inherit'], ...opts });
  if (r.error) throw r.error;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited with ${r.status ?? r.signal}`);
}

// ---------------------------------------------------------------- apt

function debInstalled(pkg) {
  const r = spawnSync('dpkg-query', ['-W', '-f=${Status}', pkg], { encoding: 'utf8' });
  return r.status === 0 && /install ok installed/.test(r.stdout);
}

let aptUpdated = false;

/** Installs the Debian packages that are not installed yet (apt-get update first, once per process). */
function ensureDebPackages(pkgs) {
  if (process.platform !== 'linux' || !which('dpkg-query') || !which('apt-get')) {
    throw new Error(
      `editor-setup: needs Debian packages ${pkgs.join(', ')}; this machine has no apt-get. Install them yourself.`,
    );
  }
  const missing = pkgs.filter((p) => !debInstalled(p));
  if (missing.length === 0) return;
  const root = typeof process.getuid !== 'function' || process.getuid() === 0;
  const aptGet = root ? ['apt-get'] : ['sudo', '-n', 'apt-get'];
  // Waits for another apt/dpkg run (another checkout's test, say) instead of failing on its lock.
  const apt = (...args) =>
    run(aptGet[0], [...aptGet.slice(1), '-o', 'DPkg::Lock::Timeout=600', ...args], {
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
  const start = Date.now();
  log(`installing Debian's ${missing.join(', ')} (apt-get install; about a minute) ...`);
  if (!aptUpdated) withTicker('[editor-setup] apt-get update', () => apt('update', '-q'));
  aptUpdated = true;
  withTicker(`[editor-setup] apt-get install ${missing.join(' ')}`, () => apt('install', '-y', '-q', ...missing));
  log(`apt-get install ${missing.join(' ')}: ${elapsed(start)}`);
}

// ---------------------------------------------------------------- one installer at a time

function pidAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return e.code === 'EPERM';
  }
}

/**
 * Runs `f` holding CACHE/.lock, so that two runs (a test and the demo, say)
 * never install into the same folder at once. A lock whose owner is gone is
 * taken over.
 */
function withCacheLock(f) {
  fs.mkdirSync(CACHE, { recursive: true });
  const lock = path.join(CACHE, '.lock');
  const pause = new Int32Array(new SharedArrayBuffer(4));
  let told = false;
  for (;;) {
    try {
      fs.writeFileSync(lock, String(process.pid), { flag: 'wx' });
      break;
    } catch (e) {
      if (e.code !== 'EEXIST') throw e;
      const owner = Number(fs.readFileSync(lock, 'utf8')) || 0;
      if (owner === process.pid) return f(); // re-entered
      if (!owner || !pidAlive(owner)) {
        fs.rmSync(lock, { force: true });
        continue;
      }
      if (!told) log(`waiting for process ${owner}, which is installing into ${CACHE} ...`);
      told = true;
      Atomics.wait(pause, 0, 0, 500); // synchronous pause between checks of the lock
    }
  }
  try {
    return f();
  } finally {
    fs.rmSync(lock, { force: true });
  }
}

// ---------------------------------------------------------------- npm tools in the cache

/**
 * `npm install specs` into CACHE/name unless its stamp already lists them and
 * `ready()` holds. Returns the folder.
 */
function ensureNpmFolder(name, specs, ready, env = cleanEnv(), about = '') {
  const dir = path.join(CACHE, name);
  const stampFile = path.join(dir, '.shape-lens-installed');
  const stamp = JSON.stringify(specs);
  if (fs.existsSync(stampFile) && fs.readFileSync(stampFile, 'utf8') === stamp && ready(dir)) return dir;
  fs.mkdirSync(dir, { recursive: true });
  fs.rmSync(stampFile, { force: true });
  fs.writeFileSync(
    path.join(dir, 'package.json'),
    JSON.stringify({ name: `shape-lens-e2e-${name}`, private: true }, null, 2) + '\n',
  );
  const start = Date.now();
  log(`npm install ${specs.join(' ')} (into ${path.relative(process.cwd(), dir) || dir})${about} ...`);
  withTicker(`[editor-setup] npm install ${specs.join(' ')}`, () =>
    run(
      which('npm') || 'npm',
      ['install', '--no-audit', '--no-fund', '--no-package-lock', '--loglevel=error', ...specs],
      { cwd: dir, env },
    ),
  );
  if (!ready(dir)) throw new Error(`editor-setup: ${specs.join(' ')} installed into ${dir} but is not usable`);
  fs.writeFileSync(stampFile, stamp);
  log(`npm install ${specs.join(' ')}: ${elapsed(start)}`);
  return dir;
}

function nodeVersionOf(bin) {
  const r = spawnSync(bin, ['--version'], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : '';
}

/** A Node 24 binary: this one if it is 24 or newer, else the npm package node-<platform>-<arch>. */
function ensureNode24() {
  return withCacheLock(ensureNode24Unlocked);
}

function ensureNode24Unlocked() {
  if (Number(process.versions.node.split('.')[0]) >= 24) return process.execPath;
  const pkg = `node-${process.platform}-${process.arch}`;
  const bin = (dir) => path.join(dir, 'node_modules', pkg, 'bin', 'node');
  const dir = ensureNpmFolder(
    'node24',
    [`${pkg}@${VERSIONS.node}`],
    (d) => nodeVersionOf(bin(d)).startsWith('v24.'),
    cleanEnv(),
    ': Node 24 for code-server, about 190 MB',
  );
  return bin(dir);
}

/**
 * The environment without what an enclosing `npm test` or `npm run` put in it
 * about itself. Its `npm_config_user_agent` says `node/v20`, which a nested npm
 * takes as its own user agent, and code-server's postinstall reads the Node
 * version from it; `npm_config_local_prefix` names the outer project. Settings a
 * user chose (registry, cache, nodedir, ...) stay.
 */
function cleanEnv() {
  const env = { ...process.env };
  const outer = /^npm_config_(user_agent|local_prefix|global_prefix|prefix|npm_version|call)$/i;
  for (const k of Object.keys(env)) {
    if (outer.test(k) || (/^npm_/i.test(k) && !/^npm_config_/i.test(k)) || k === 'NODE' || k === 'INIT_CWD')
      delete env[k];
  }
  return env;
}

/** The environment code-server (and npm installing it) must run in: Node 24 first on PATH. */
function node24Env(node24, extra = {}) {
  const env = cleanEnv();
  return { ...env, PATH: `${path.dirname(node24)}${path.delimiter}${env.PATH || ''}`, ...extra };
}

/** code-server, installed with Node 24 (its postinstall builds native modules). */
function ensureCodeServer() {
  return withCacheLock(ensureCodeServerUnlocked);
}

function ensureCodeServerUnlocked() {
  if (process.platform === 'linux') ensureDebPackages(['libkrb5-dev']);
  const node24 = ensureNode24();
  const ready = (d) => {
    const pkg = path.join(d, 'node_modules', 'code-server', 'package.json');
    return (
      fs.existsSync(pkg) &&
      JSON.parse(fs.readFileSync(pkg, 'utf8')).version === VERSIONS.codeServer &&
      fs.existsSync(path.join(d, 'node_modules', 'code-server', 'lib', 'vscode', 'node_modules'))
    );
  };
  const dir = ensureNpmFolder(
    'code-server',
    [`code-server@${VERSIONS.codeServer}`],
    ready,
    node24Env(node24),
    ': about 3 minutes and 620 MB, building its native modules',
  );
  return { node24, entry: path.join(dir, 'node_modules', 'code-server', 'out', 'node', 'entry.js') };
}

/** Debian's Chromium, and a font for the Chinese texts of the zh-cn run. */
const BROWSER_PACKAGES = ['chromium', 'fonts-wqy-microhei'];

/** Chromium from Debian and playwright-core (no browser download). */
function ensureBrowser() {
  return withCacheLock(ensureBrowserUnlocked);
}

function ensureBrowserUnlocked() {
  const executablePath = process.env.SHAPE_LENS_CHROMIUM || '/usr/bin/chromium';
  if (!process.env.SHAPE_LENS_CHROMIUM) ensureDebPackages(BROWSER_PACKAGES);
  const dir = ensureNpmFolder('playwright', [`playwright-core@${VERSIONS.playwrightCore}`], (d) =>
    fs.existsSync(path.join(d, 'node_modules', 'playwright-core', 'package.json')),
  );
  return { executablePath, playwrightCore: path.join(dir, 'node_modules', 'playwright-core') };
}

/** Debian's Neovim (0.7.2 on Debian 12), the second real LSP client of the tests: the path of `nvim`. */
function ensureNeovim() {
  if (process.env.SHAPE_LENS_NVIM) return process.env.SHAPE_LENS_NVIM;
  ensureDebPackages(['neovim']);
  const nvim = which('nvim');
  if (!nvim) throw new Error('editor-setup: the neovim package is installed but there is no nvim on PATH');
  return nvim;
}

/** Everything the end-to-end test needs. */
function ensureAll() {
  return withCacheLock(ensureAllUnlocked);
}

function ensureAllUnlocked() {
  const start = Date.now();
  if (process.platform === 'linux' && !process.env.SHAPE_LENS_CHROMIUM)
    ensureDebPackages(['libkrb5-dev', ...BROWSER_PACKAGES]);
  const codeServer = ensureCodeServer();
  const browser = ensureBrowser();
  return { ...codeServer, ...browser, setupMs: Date.now() - start };
}

module.exports = {
  CACHE,
  VERSIONS,
  node24Env,
  ensureDebPackages,
  ensureNode24,
  ensureCodeServer,
  ensureBrowser,
  ensureAll,
  ensureNeovim,
  which,
};
