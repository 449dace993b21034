/**
 * A line on stderr every ten seconds while a long step runs (npm ci, npm
 * install of code-server, apt-get install), saying what it is and how long
 * it has taken, so that a terminal is never silent for minutes. The step
 * blocks this process (spawnSync), so the ticker runs in a small child
 * process of its own, which also ends when this one does.
 */
'use strict';
const { spawn } = require('child_process');

const CHILD = `
const [label, every, parent] = process.argv.slice(1);
const start = Date.now();
setInterval(() => {
  try { process.kill(Number(parent), 0); } catch { process.exit(0); }
  process.stderr.write(label + ': still running, ' + Math.round((Date.now() - start) / 1000) + ' s\\n');
}, Number(every));
`;

/** Starts ticking for `label`; `stop()` ends it. SHAPE_LENS_TICK_MS changes the period. */
function startTicker(label, everyMs = Number(process.env.SHAPE_LENS_TICK_MS || 10000)) {
  const child = spawn(process.execPath, ['-e', CHILD, label, String(everyMs), String(process.pid)], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  child.unref();
  return {
    stop() {
      child.kill();
    },
  };
}

/** Runs `f` (a blocking step) with a ticker for `label`. */
function withTicker(label, f) {
  const ticker = startTicker(label);
  try {
    return f();
  } finally {
    ticker.stop();
  }
}

module.exports = { startTicker, withTicker };
