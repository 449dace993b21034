/**
 * The analysis façade: the verbs the CLI and the language server share.
 * Everything it returns is plain data in editor terms (1-based lines in the
 * JSON forms, 0-based positions in spans), never syntax trees or protocol types.
 */

import { DEFAULT_OPTIONS, type EngineOptions } from '../shapes/args';
import { interpretModule, type IncrementalInterpreter, type Interpretation } from '../interpret';
import { lineStartsOf, type PyNode } from '../syntax/ast';
import { AstCache } from '../syntax/treeCopy';
import type { PythonParser, Tree } from '../syntax/parser';
import type { DiagnosticCode, Severity } from './codes';
import { diagnosticsOf, kerasErrorMessage, type DiagnosticSettings } from './diagnostics';
import { summarizeModels, type SummaryModel } from './summary';

import { workspaceLoader, type Workspace } from './modules';
import { cellPosition, type NotebookProgram } from './notebook';

export { inlayHints, type HintItem, type HintSettings } from './hints';
export { IncrementalInterpreter } from '../interpret';
export { ModuleParseCache, type ModuleSourceProvider, type Workspace } from './modules';
export {
  cellPosition,
  notebookProgram,
  readNotebook,
  NotebookFormatError,
  type CellPosition,
  type NotebookCell,
  type NotebookProgram,
} from './notebook';

/**
 * The largest document Shape Lens analyses (5 MiB): beyond it the CLI refuses
 * the file and the language server leaves the document alone, with a note.
 * Real model files are well under 1 MB; a larger one is data or generated.
 */
export const MAX_DOCUMENT_BYTES = 5 * 1024 * 1024;
export { hover, type HoverInfo } from './hover';
export { fileDiagram, modelDiagram, type FileDiagram, type ModelDiagram } from './diagram';
export type { DiagnosticSettings } from './diagnostics';
export { codeActions, type QuickFix, type SourceEdit } from './codeActions';
export { LOCALES, toLocale, type Locale } from './messages';
export { noteFinding, staleHintTooltip, type DocumentNote } from './notes';

export interface Finding {
  /** 1-based, as in the `summary --json` format. */
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: Severity;
  code: DiagnosticCode;
  message: string;
}

export interface Analysis {
  text: string;
  /** The syntax it was computed from (quick fixes read the code they change). */
  module: PyNode;
  /** Start offset of each line, for positions. */
  lineStarts: number[];
  interpretation: Interpretation;
  analysisMs: number;
}

export { lineStartsOf };

export interface AnalysisSettings {
  imageDataFormat: EngineOptions['imageDataFormat'];
  /** Where the file is and how to read the workspace modules it imports (without it, they are unknown). */
  workspace?: Workspace;
}

/** Analyses a whole text: parse, copy, interpret. */
export function analyze(text: string, parser: PythonParser, settings: AnalysisSettings = DEFAULT_OPTIONS): Analysis {
  const start = process.hrtime.bigint();
  const tree = parser.parse(text);
  try {
    return analyzeTree(tree, text, new AstCache(), settings, start);
  } finally {
    tree.delete();
  }
}

/**
 * Analyses an already parsed text, reusing the statement copies in `cache`
 * (the language server keeps one cache and one tree per document).
 */
export function analyzeTree(
  tree: Tree,
  text: string,
  cache: AstCache,
  settings: AnalysisSettings = DEFAULT_OPTIONS,
  start = process.hrtime.bigint(),
): Analysis {
  const lineStarts = lineStartsOf(text);
  return analyzeModule(cache.build(tree, text, lineStarts), text, lineStarts, settings, start);
}

/**
 * Analyses a module already copied (the language server keeps it up to date edit by edit);
 * `runs` are the document's earlier runs, which this one may resume (the same answers).
 */
export function analyzeModule(
  module: PyNode,
  text: string,
  lineStarts: number[],
  settings: AnalysisSettings = DEFAULT_OPTIONS,
  start = process.hrtime.bigint(),
  runs?: IncrementalInterpreter,
): Analysis {
  const loader = settings.workspace ? workspaceLoader(settings.workspace) : undefined;
  const options = { imageDataFormat: settings.imageDataFormat };
  const interpretation = runs ? runs.interpret(module, options, loader) : interpretModule(module, options, loader);
  return { text, module, lineStarts, interpretation, analysisMs: Number(process.hrtime.bigint() - start) / 1e6 };
}

export function diagnostics(a: Analysis, settings?: DiagnosticSettings): Finding[] {
  return diagnosticsOf(a, settings);
}

export function summary(a: Analysis): SummaryModel[] {
  return summarizeModels(a.interpretation);
}

/**
 * The `summary --json` object for one file, in the keras-truth programs format
 * plus diagnostics. For a notebook, every `line` (of the whole program) has its
 * `cell` (index in the notebook's cells) and `cellLine` (1-based) beside it, and
 * each diagnostic its `cellColumn`, `cellEndLine` and `cellEndColumn`.
 */
export function summaryJson(a: Analysis, file?: string, notebook?: NotebookProgram): Record<string, unknown> {
  const e = a.interpretation.error;
  const at = (line: number) => (notebook ? notebookLine(notebook, line) : {});
  return {
    ...(file ? { file } : {}),
    models: summary(a).map((m) => ({
      ...m,
      ...at(m.line),
      layers: m.layers.map((r) => ({ ...r, ...at(r.line) })),
    })),
    error: e
      ? { line: e.span.startLine + 1, ...at(e.span.startLine + 1), type: e.pyType, message: kerasErrorMessage(e, 'en') }
      : null,
    diagnostics: diagnostics(a).map((d) => (notebook ? placeFinding(notebook, d) : d)),
  };
}

/** A 1-based program line's cell and 1-based line in it. */
export function notebookLine(notebook: NotebookProgram, line: number): { cell?: number; cellLine?: number } {
  const p = cellPosition(notebook, line - 1, 0);
  return p ? { cell: p.cell, cellLine: p.line + 1 } : {};
}

export interface NotebookFinding extends Finding {
  cell?: number;
  cellLine?: number;
  cellColumn?: number;
  cellEndLine?: number;
  cellEndColumn?: number;
}

/** A finding with its place in the notebook's cells beside its place in the program (all 1-based but `cell`). */
export function placeFinding(notebook: NotebookProgram, d: Finding): NotebookFinding {
  const start = cellPosition(notebook, d.line - 1, d.column - 1);
  const end = cellPosition(notebook, d.endLine - 1, d.endColumn - 1);
  if (!start) return d;
  return {
    ...d,
    cell: start.cell,
    cellLine: start.line + 1,
    cellColumn: start.column + 1,
    // A range never leaves its cell: a statement is written in one.
    cellEndLine: end && end.cell === start.cell ? end.line + 1 : start.line + 1,
    cellEndColumn: end && end.cell === start.cell ? end.column + 1 : start.column + 1,
  };
}
