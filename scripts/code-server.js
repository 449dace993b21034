/**
 * code-server started for the end-to-end test and the demo: a quiet
 * workbench (its settings, the built-in extensions it drops), the packaged
 * extension installed into a fresh extensions folder, the port read from its
 * log, and a `stop()` that ends its whole process group.
 */
'use strict';
const { spawn, spawnSync } = require('child_process');
const fs = require('fs');
const http = require('http');
const path = require('path');

const { ensureCodeServer, node24Env } = require('./editor-install');

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

module.exports = { EDITOR_SETTINGS, startCodeServer };
