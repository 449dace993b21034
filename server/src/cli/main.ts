/**
 * The `shape-lens` command: wiring only. Each subcommand reads its input,
 * calls the analysis façade and prints the result.
 *
 *   shape-lens check-layers FILE.jsonl [--json]
 */

import * as fs from 'fs';
import { checkCases, formatCaseTable, readCases } from '../analysis/caseReport';
import { loadPythonParser } from '../syntax/parser';

const USAGE = `usage:
  shape-lens check-layers FILE.jsonl [--json]   compare the engine with Keras truth cases`;

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
      process.stdout.write(`  ${d.id}: expected ${JSON.stringify(d.expected)}\n  ${' '.repeat(d.id.length)}  got      ${JSON.stringify(d.got)}\n`);
    }
    if (report.disagreements.length > 50) process.stdout.write(`  ... ${report.disagreements.length - 50} more disagreements\n`);
    process.stdout.write(`engine time: ${report.engine_ms.toFixed(1)} ms for ${report.cases} cases\n`);
  }
  return 0;
}

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'check-layers':
      return checkLayers(rest);
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
