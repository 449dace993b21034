/**
 * The `check --format sarif` log: SARIF 2.1.0 (OASIS), which code-scanning
 * tools read. One run; one rule per diagnostic code; paths relative to the
 * working folder (`%SRCROOT%`) where they are under it. A notebook's results
 * point at the lines of the `.ipynb` file where the cell's source lines are
 * written, with the cell and its line as properties.
 * test/cli-check.test.ts validates the output against the official schema.
 */

import * as path from 'path';
import type * as Sarif from 'sarif';
import { CODES, type DiagnosticCode, type Severity } from '../analysis/codes';
import type { NotebookFinding } from '../analysis';
import type { FileResult } from './analyse';
import type { InputError } from './inputs';
import { fileUriOf } from '../lsp/uris';

const SCHEMA = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';
const LEVEL: Record<Severity, Sarif.ReportingConfiguration.level> = {
  error: 'error',
  warning: 'warning',
  info: 'note',
  hint: 'note',
};
const RULES = Object.keys(CODES) as DiagnosticCode[];

function artifactLocation(file: string, cwd: string): Sarif.ArtifactLocation {
  const abs = path.resolve(cwd, file);
  const rel = path.relative(cwd, abs);
  if (rel && !rel.startsWith('..') && !path.isAbsolute(rel)) {
    return { uri: rel.split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: 'SRCROOT' };
  }
  return { uri: fileUriOf(abs) };
}

function region(r: FileResult, d: NotebookFinding): Sarif.Region {
  if (r.notebook && d.cell !== undefined) {
    // Lines of the .ipynb text; columns there count JSON escapes, so they are left out.
    const fileLines = r.notebook.cells[d.cell].fileLines ?? [];
    const at = (line: number) => fileLines[Math.min(line - 1, fileLines.length - 1)];
    const start = at(d.cellLine!);
    const end = at(d.cellEndLine ?? d.cellLine!);
    if (start !== undefined) return { startLine: start + 1, endLine: Math.max(start, end ?? start) + 1 };
    return {};
  }
  return { startLine: d.line, startColumn: d.column, endLine: d.endLine, endColumn: d.endColumn };
}

export function sarifLog(
  results: FileResult[],
  unreadable: InputError[],
  version: string,
  cwd = process.cwd(),
): Sarif.Log {
  const artifacts: Sarif.Artifact[] = [];
  const sarifResults: Sarif.Result[] = [];
  for (const r of results) {
    const index = artifacts.length;
    const location = artifactLocation(r.file.path, cwd);
    artifacts.push({
      location,
      mimeType: r.notebook ? 'application/x-ipynb+json' : 'text/x-python',
      sourceLanguage: 'python',
    });
    for (const d of r.findings) {
      sarifResults.push({
        ruleId: d.code,
        ruleIndex: RULES.indexOf(d.code),
        level: LEVEL[d.severity],
        message: { text: d.message },
        locations: [{ physicalLocation: { artifactLocation: { ...location, index }, region: region(r, d) } }],
        ...(r.notebook && d.cell !== undefined
          ? { properties: { cell: d.cell, cellLine: d.cellLine, cellColumn: d.cellColumn } }
          : {}),
      });
    }
  }
  return {
    $schema: SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'Shape Lens',
            version,
            semanticVersion: version,
            rules: RULES.map((code) => ({
              id: code,
              shortDescription: { text: CODES[code].title },
              defaultConfiguration: { level: LEVEL[CODES[code].severity] },
            })),
          },
        },
        originalUriBaseIds: { SRCROOT: { uri: fileUriOf(cwd + path.sep) } },
        artifacts,
        results: sarifResults,
        columnKind: 'utf16CodeUnits',
        invocations: [
          {
            executionSuccessful: unreadable.length === 0,
            toolExecutionNotifications: unreadable.map((e) => ({
              level: 'error' as const,
              message: { text: e.message },
              locations: [{ physicalLocation: { artifactLocation: artifactLocation(e.file, cwd) } }],
            })),
          },
        ],
      },
    ],
  };
}
