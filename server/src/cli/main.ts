/**
 * The `shape-lens` command: wiring only. Each subcommand parses its options
 * strictly, reads its input, calls the analysis façade and prints the result.
 * Whatever it is given, it ends with a one-line message and an exit code,
 * never a stack trace (SHAPE_LENS_DEBUG=1 prints the stack of an internal error).
 *
 *   shape-lens summary | check | check-layers | --stdio | --version | --help
 */

import * as fs from 'fs';
import * as path from 'path';
import { checkCases, formatCaseTable, readCases } from '../analysis/caseReport';
import { startServer } from '../lsp/main';
import { loadPythonParser } from '../syntax/parser';
import { CHECK_USAGE, checkCommand, SUMMARY_USAGE, summaryCommand } from './commands';
import { readSourceText } from './inputs';
import { parseOptions, UsageError } from './options';

/** The version in the package.json above this file (dist/cli.js in the bundle, server/src/cli/ in the tests). */
function packageVersion(): string {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    try {
      const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as {
        name?: string;
        version?: string;
      };
      if (pkg.name === 'shape-lens' && pkg.version) return pkg.version;
    } catch {
      // not here
    }
    if (path.dirname(dir) === dir) return 'unknown';
  }
}

const version = packageVersion();

const CHECK_LAYERS_USAGE = `usage: shape-lens check-layers [--json] [--] FILE.jsonl

  The shape engine against recorded Keras layer cases (keras-truth/layers.jsonl format).`;

const USAGE = `usage: shape-lens COMMAND [OPTIONS] [--] PATH...

  summary PATH...       what model.summary() would print, without running the files
  check PATH...         diagnostics for CI (--format text|json|sarif); exit 1 on an error
  check-layers FILE     the engine against recorded Keras layer cases
  --stdio               the language server on stdin/stdout, for any LSP editor
  --version             the version
  help [COMMAND]        this text, or a command's

PATH is a .py file, a .ipynb notebook or a folder. Exit codes: 0 fine,
1 Keras would raise, 2 bad usage or a path that cannot be read.`;

async function checkLayers(args: string[]): Promise<number> {
  const { values, positionals } = parseOptions(
    args,
    { json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
    CHECK_LAYERS_USAGE,
  );
  if (values.help) {
    process.stdout.write(`${CHECK_LAYERS_USAGE}\n`);
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError('give exactly one FILE.jsonl', CHECK_LAYERS_USAGE);
  let text: string;
  try {
    text = readSourceText({ path: positionals[0], kind: 'python' });
  } catch (e) {
    process.stderr.write(`shape-lens: ${(e as Error).message}\n`);
    return 2;
  }
  const { cases, malformed } = readCases(text);
  for (const m of malformed)
    process.stderr.write(`${positionals[0]}:${m.line}: skipped malformed case: ${m.message}\n`);
  const report = checkCases(cases, await loadPythonParser());
  report.malformed = malformed;
  if (values.json) {
    const { classes: _classes, ...rest } = report;
    process.stdout.write(`${JSON.stringify(rest)}\n`);
  } else {
    process.stdout.write(`${formatCaseTable(report)}\n`);
    for (const d of report.disagreements.slice(0, 50)) {
      process.stdout.write(
        `  ${d.id}: expected ${JSON.stringify(d.expected)}\n  ${' '.repeat(d.id.length)}  got      ${JSON.stringify(d.got)}\n`,
      );
    }
    if (report.disagreements.length > 50)
      process.stdout.write(`  ... ${report.disagreements.length - 50} more disagreements\n`);
    process.stdout.write(`engine time: ${report.engine_ms.toFixed(1)} ms for ${report.cases} cases\n`);
  }
  return 0;
}

/** `--stdio` / `--node-ipc` (and the `--clientProcessId=N` VS Code adds): the language server. */
async function server(args: string[]): Promise<number> {
  parseOptions(
    args,
    { stdio: { type: 'boolean' }, 'node-ipc': { type: 'boolean' }, clientProcessId: { type: 'string' } },
    USAGE,
  );
  await startServer();
  // The server runs until the client says `exit`, which ends the process.
  return new Promise<number>(() => undefined);
}

const COMMAND_USAGE: Record<string, string> = {
  summary: SUMMARY_USAGE,
  check: CHECK_USAGE,
  'check-layers': CHECK_LAYERS_USAGE,
};

async function run(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'summary':
      return summaryCommand(rest);
    case 'check':
      return checkCommand(rest, version);
    case 'check-layers':
      return checkLayers(rest);
    case '--stdio':
    case '--node-ipc':
      return server(argv);
    case '--version':
    case '-V':
      if (rest.length > 0) throw new UsageError(`--version takes nothing after it`, USAGE);
      process.stdout.write(`${version}\n`);
      return 0;
    case 'help':
    case '--help':
    case '-h': {
      if (rest.length > 1 || (rest[0] !== undefined && !COMMAND_USAGE[rest[0]]))
        throw new UsageError(`no command ${JSON.stringify(rest.join(' '))}`, USAGE);
      process.stdout.write(`${rest[0] ? COMMAND_USAGE[rest[0]] : USAGE}\n`);
      return 0;
    }
    case undefined:
      process.stderr.write(`${USAGE}\n`);
      return 2;
    default:
      throw new UsageError(
        command.startsWith('-') ? `unknown option ${command}` : `unknown command ${JSON.stringify(command)}`,
        USAGE,
      );
  }
}

/** Runs the command line; resolves to the exit code, never rejects. */
export async function main(argv: string[]): Promise<number> {
  try {
    return await run(argv);
  } catch (e) {
    if (e instanceof UsageError) {
      const command = /^usage: (shape-lens(?: [a-z-]+)?)/.exec(e.usage)?.[1] ?? 'shape-lens';
      process.stderr.write(`shape-lens: ${e.message}\n${e.usage.split('\n')[0]}\n(\`${command} --help\` tells more)\n`);
      return 2;
    }
    const message = e instanceof Error ? e.message.split('\n')[0] : String(e);
    process.stderr.write(`shape-lens: internal error: ${message}\n`);
    if (process.env.SHAPE_LENS_DEBUG && e instanceof Error) process.stderr.write(`${e.stack}\n`);
    return 2;
  }
}

/** Output to a closed pipe (`shape-lens check . | head`) ends the run quietly. */
export function quietOnClosedPipe(): void {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    });
  }
}

if (require.main === module) {
  quietOnClosedPipe();
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
