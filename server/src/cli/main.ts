/**
 * The `shape-lens` command: wiring only. Each subcommand reads its input,
 * calls the analysis façade and prints the result.
 *
 *   shape-lens check-layers FILE.jsonl [--json]
 */

import * as fs from 'fs';
import { checkCases, formatCaseTable, readCases } from '../analysis/caseReport';
import { analyze, diagnostics, summary, summaryJson } from '../analysis';
import { formatSummaryTable } from '../analysis/summary';
import { loadPythonParser } from '../syntax/parser';
import { startServer } from '../lsp/main';

const USAGE = `usage:
  shape-lens --stdio                            run the language server on stdin/stdout (any LSP editor)
  shape-lens summary FILE.py... [--json] [--timing]   what model.summary() would print, without running the file
                                                     (--timing: each file's analysis time on stderr)
  shape-lens check-layers FILE.jsonl [--json]   compare the engine with Keras truth cases`;

async function summaryCommand(argv: string[]): Promise<number> {
  const json = argv.includes('--json');
  const timing = argv.includes('--timing');
  const files = argv.filter((a) => !a.startsWith('--'));
  if (files.length === 0) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const parser = await loadPythonParser();
  const results: Array<Record<string, unknown>> = [];
  let status = 0;
  for (const file of files) {
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch (e) {
      process.stderr.write(`shape-lens: cannot read ${file}: ${(e as Error).message}\n`);
      status = 2;
      continue;
    }
    const a = analyze(text, parser);
    if (timing)
      process.stderr.write(`${file}: analysis ${a.analysisMs.toFixed(1)} ms (${text.split('\n').length} lines)\n`);
    if (json) {
      results.push(summaryJson(a, files.length > 1 ? file : undefined));
      continue;
    }
    const models = summary(a);
    if (models.length === 0) process.stdout.write(`${file}: no Keras model found\n`);
    for (const m of models) process.stdout.write(`${formatSummaryTable(m, file)}\n\n`);
    for (const d of diagnostics(a))
      process.stdout.write(`${file}:${d.line}:${d.column}: ${d.severity} [${d.code}] ${d.message}\n`);
  }
  if (json) process.stdout.write(`${JSON.stringify(files.length > 1 ? results : (results[0] ?? null))}\n`);
  return status;
}

async function checkLayers(argv: string[]): Promise<number> {
  const json = argv.includes('--json');
  const files = argv.filter((a) => !a.startsWith('--'));
  if (files.length !== 1) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  let text: string;
  try {
    text = fs.readFileSync(files[0], 'utf8');
  } catch (e) {
    process.stderr.write(`shape-lens: cannot read ${files[0]}: ${(e as Error).message}\n`);
    return 2;
  }
  const { cases, malformed } = readCases(text);
  for (const m of malformed) process.stderr.write(`${files[0]}:${m.line}: skipped malformed case: ${m.message}\n`);
  const report = checkCases(cases, await loadPythonParser());
  report.malformed = malformed;
  if (json) {
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

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'check-layers':
      return checkLayers(rest);
    case 'summary':
      return summaryCommand(rest);
    case '--stdio':
    case '--node-ipc':
      await startServer();
      // The server runs until the client says `exit`, which ends the process.
      return new Promise<number>(() => undefined);
    case '--help':
    case '-h':
    case undefined:
      process.stdout.write(`${USAGE}\n`);
      return command === undefined ? 2 : 0;
    default:
      process.stderr.write(`shape-lens: unknown command '${command}'\n${USAGE}\n`);
      return 2;
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e) => {
      process.stderr.write(`shape-lens: ${e instanceof Error ? e.stack : String(e)}\n`);
      process.exitCode = 1;
    },
  );
}
