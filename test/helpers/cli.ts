/** Running the bundled `shape-lens` command as a user does, in a child process. */

import { spawnSync } from 'child_process';
import * as path from 'path';
import { REPO_ROOT } from './truth';

export const SHAPE_LENS = path.join(REPO_ROOT, 'bin', 'shape-lens.js');

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
  signal: NodeJS.Signals | null;
}

export function cli(args: string[], opts: { cwd?: string; timeoutMs?: number; env?: NodeJS.ProcessEnv } = {}): CliRun {
  const r = spawnSync(process.execPath, [SHAPE_LENS, ...args], {
    encoding: 'utf8',
    cwd: opts.cwd,
    env: opts.env ?? process.env,
    timeout: opts.timeoutMs ?? 60000,
    maxBuffer: 1 << 26,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, signal: r.signal };
}
