/**
 * One file through the analysis: read it (inputs.ts), turn a notebook into
 * its program, analyse, and place the findings back in the file.
 */

import {
  analyze,
  diagnostics,
  notebookProgram,
  NotebookFormatError,
  placeFinding,
  readNotebook,
  ModuleParseCache,
  type Analysis,
  type NotebookFinding,
  type Workspace,
  type NotebookProgram,
} from '../analysis';
import * as path from 'path';
import { DEFAULT_OPTIONS } from '../shapes/args';
import type { PythonParser } from '../syntax/parser';
import { analysedPath, diskModuleProvider } from '../lsp/diskModules';
import { InputError, readSourceText, type SourceFile } from './inputs';

export interface FileResult {
  file: SourceFile;
  analysis: Analysis;
  /** For a notebook: its program and cells. */
  notebook?: NotebookProgram;
  findings: NotebookFinding[];
}

const parseCaches = new WeakMap<PythonParser, ModuleParseCache>();

/**
 * The workspace modules a file imports are read from disk, found from the
 * file's folder and the current folder (`sys.path`'s roots), inside those two.
 */
function workspaceOf(file: SourceFile, parser: PythonParser): Workspace {
  let cache = parseCaches.get(parser);
  if (!cache) parseCaches.set(parser, (cache = new ModuleParseCache(parser)));
  const folder = path.dirname(path.resolve(file.path));
  return {
    file: analysedPath(file.path),
    provider: diskModuleProvider([process.cwd()], [process.cwd(), folder]),
    cache,
  };
}

/** Reads and analyses one file; throws InputError when it cannot be read as Python or a notebook. */
export function analyseFile(file: SourceFile, parser: PythonParser): FileResult {
  const text = readSourceText(file);
  let notebook: NotebookProgram | undefined;
  if (file.kind === 'notebook') {
    try {
      notebook = notebookProgram(readNotebook(text));
    } catch (e) {
      if (e instanceof NotebookFormatError) throw new InputError(file.path, e.message);
      throw e;
    }
  }
  let analysis: Analysis;
  try {
    analysis = analyze(notebook ? notebook.text : text, parser, {
      ...DEFAULT_OPTIONS,
      workspace: workspaceOf(file, parser),
    });
  } catch (e) {
    // A bug of the analysis, not of the file: say so in one line, and go on with the other files.
    const why = e instanceof Error ? e.message.split('\n')[0] : String(e);
    throw new InputError(file.path, `Shape Lens failed on this file (${why}); please report it`);
  }
  const found = diagnostics(analysis).sort((x, y) => x.line - y.line || x.column - y.column);
  return { file, analysis, notebook, findings: notebook ? found.map((d) => placeFinding(notebook!, d)) : found };
}

/** `file:line:col` for a text report; a notebook's cells are counted from 1 as a person counts them. */
export function locationText(
  r: FileResult,
  d: { line: number; column?: number; cell?: number; cellLine?: number; cellColumn?: number },
): string {
  if (r.notebook && d.cell !== undefined) {
    return `${r.file.path}:cell ${d.cell + 1}:${d.cellLine}${d.cellColumn !== undefined ? `:${d.cellColumn}` : ''}`;
  }
  return `${r.file.path}:${d.line}${d.column !== undefined ? `:${d.column}` : ''}`;
}
