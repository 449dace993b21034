/**
 * A real editor for the end-to-end test and the demo: code-server (VS Code
 * in a browser) with the packaged extension installed, and Debian's Chromium
 * driven by playwright-core. See ../shared/e2e-recipe.md for why each piece
 * is what it is.
 *
 * Everything is installed only when missing, and idempotently:
 * - apt: `chromium` (for the test) with `fonts-wqy-microhei` (a Chinese font:
 *   Debian's Chromium has none, and the zh-cn pages would show boxes),
 *   `libkrb5-dev` (code-server's native kerberos module needs its headers),
 *   and `neovim` for the Neovim test; `apt-get update` runs first, once, and
 *   only when something has to be installed;
 * - npm, into the cache folder (`.e2e/` at the repository root, or
 *   $SHAPE_LENS_E2E_CACHE): Node 24 (code-server 4.139 requires it), the
 *   pinned code-server, and playwright-core. A folder counts as installed
 *   once its stamp file names exactly the packages asked for.
 */
'use strict';
const { spawn, spawnSync } = require('child_process');
const fs = require('fs');
const http = require('http');
const path = require('path');

const { withTicker } = require('./ticker');

const ROOT = path.resolve(__dirname, '..');
const CACHE = path.resolve(process.env.SHAPE_LENS_E2E_CACHE || path.join(ROOT, '.e2e'));

const VERSIONS = {
  node: '24.21.0',
  codeServer: '4.139.1',
  playwrightCore: '1.65.1',
};

/**
 * Built-in extensions the server drops (faster start, less memory). Only ones
 * without a `browser` entry: skipping others makes the workbench start a second
 * extension host, which activates Shape Lens twice (see the recipe, section 4).
 */
const SKIP_BUILTIN_EXTENSIONS = [
  'vscode.git',
  'vscode.github',
  'vscode.debug-auto-launch',
  'vscode.copilot',
  'vscode.microsoft-authentication',
  'ms-vscode.js-debug',
  'ms-vscode.js-debug-companion',
];

/** User settings for a quiet workbench: no chat sidebar, tips, updates or trust prompt. */
const EDITOR_SETTINGS = {
  'editor.inlayHints.enabled': 'on',
  'editor.hover.delay': 300,
  'editor.minimap.enabled': false,
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'security.workspace.trust.enabled': false,
  'chat.disableAIFeatures': true,
  'chat.commandCenter.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'extensions.ignoreRecommendations': true,
  'update.mode': 'none',
  'git.enabled': false,
  'files.autoSave': 'off',
  'window.commandCenter': false,
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

// ---------------------------------------------------------------- code-server

function httpOk(url) {
  return new Promise((resolve) => {
    const req = http.get(url, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    req.on('error', () => resolve(false));
    req.setTimeout(2000, () => req.destroy());
  });
}

/** Polls `check` every 100 ms until it returns a value, the process dies, or the time is up. */
async function poll(what, timeoutMs, check, died) {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await check();
    if (v) return v;
    const dead = died();
    if (dead) throw new Error(`${what}: ${dead}`);
    if (Date.now() > end) throw new Error(`${what}: timed out after ${timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Starts code-server on 127.0.0.1 (port 0: any free one, read from its log)
 * with the .vsix installed into a fresh extensions folder under `dir`.
 * `dir` gets ud/ (user data and settings), ext/, xdg/ (sockets, temp files),
 * config.yaml and server.log. Returns the address and a `stop()` that ends
 * the whole process group. `locale` is the display language (`--locale`);
 * `extensions` are .vsix files installed before it (a language pack).
 */
async function startCodeServer({
  dir,
  workspace,
  vsix,
  port = 0,
  settings = {},
  codeServer = ensureCodeServer(),
  locale,
  extensions = [],
}) {
  const ud = path.join(dir, 'ud');
  const ext = path.join(dir, 'ext');
  const xdg = path.join(dir, 'xdg');
  fs.rmSync(ext, { recursive: true, force: true });
  for (const d of [path.join(ud, 'User'), ext, xdg]) fs.mkdirSync(d, { recursive: true });
  fs.writeFileSync(path.join(dir, 'config.yaml'), `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);
  fs.writeFileSync(
    path.join(ud, 'User', 'settings.json'),
    JSON.stringify({ ...EDITOR_SETTINGS, ...settings }, null, 2) + '\n',
  );

  const env = node24Env(codeServer.node24, {
    XDG_RUNTIME_DIR: xdg,
    TMPDIR: xdg,
    VSCODE_SKIP_BUILTIN_EXTENSIONS: SKIP_BUILTIN_EXTENSIONS.join(','),
  });
  const common = ['--config', path.join(dir, 'config.yaml'), '--user-data-dir', ud, '--extensions-dir', ext];
  const installStart = Date.now();
  for (const extension of [...extensions, vsix]) {
    const inst = spawnSync(
      codeServer.node24,
      [codeServer.entry, ...common, '--install-extension', extension, '--force'],
      {
        env,
        encoding: 'utf8',
      },
    );
    if (inst.status !== 0) throw new Error(`code-server --install-extension failed:\n${inst.stdout}${inst.stderr}`);
  }
  const installMs = Date.now() - installStart;

  const logFile = path.join(dir, 'server.log');
  const out = fs.openSync(logFile, 'w');
  const args = [
    codeServer.entry,
    ...common,
    '--auth',
    'none',
    '--bind-addr',
    `127.0.0.1:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    ...(locale ? ['--locale', locale] : []),
    workspace,
  ];
  // Its own process group, so that stop() reaches the extension host and the language server too.
  const child = spawn(codeServer.node24, args, { env, detached: true, stdio: ['ignore', out, out] });
  fs.closeSync(out);
  let exited = null;
  const exitPromise = new Promise((resolve) =>
    child.on('exit', (code, signal) => {
      exited = `code-server exited (${signal ?? code}); see ${logFile}`;
      resolve();
    }),
  );

  async function stop() {
    if (child.exitCode === null && child.signalCode === null) {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // already gone
      }
      const timer = setTimeout(() => killGroup(child.pid), 10000);
      await exitPromise;
      clearTimeout(timer);
    }
    // Anything of the group still running (an extension host that ignored SIGTERM).
    killGroup(child.pid);
  }

  try {
    const found = await poll(
      'code-server did not listen',
      60000,
      () => {
        const m = /HTTP server listening on http:\/\/127\.0\.0\.1:(\d+)\//.exec(fs.readFileSync(logFile, 'utf8'));
        return m ? Number(m[1]) : 0;
      },
      () => exited,
    );
    const base = `http://127.0.0.1:${found}`;
    await poll(
      'code-server /healthz',
      30000,
      () => httpOk(`${base}/healthz`),
      () => exited,
    );
    return {
      port: found,
      base,
      pid: child.pid,
      logFile,
      userDataDir: ud,
      installMs,
      /** The address that opens `workspace` with `file` (absolute path) in an editor tab. */
      urlFor(file) {
        const payload = file
          ? `&payload=${encodeURIComponent(JSON.stringify([['openFile', `vscode-remote://127.0.0.1:${found}${file}`]]))}`
          : '';
        return `${base}/?folder=${encodeURIComponent(workspace)}${payload}`;
      },
      stop,
      exited: () => exited,
    };
  } catch (e) {
    await stop();
    throw e;
  }
}

function killGroup(pid) {
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // the group is empty
  }
}

module.exports = {
  CACHE,
  VERSIONS,
  EDITOR_SETTINGS,
  ensureDebPackages,
  ensureNode24,
  ensureCodeServer,
  ensureBrowser,
  ensureAll,
  ensureNeovim,
  startCodeServer,
  which,
};

if (require.main === module) {
  // `node scripts/editor-setup.js`: install everything now (what the e2e test would do).
  try {
    const r = ensureAll();
    console.log(JSON.stringify(r, null, 2));
  } catch (e) {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  }
}
