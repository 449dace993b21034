/**
 * The analysis façade: the verbs the CLI and the language server share.
 * Everything it returns is plain data in editor terms (1-based lines in the
 * JSON forms, 0-based positions in spans), never syntax trees or protocol types.
 */

import { DEFAULT_OPTIONS, type EngineOptions } from '../shapes/args';
import { interpretModule, type Interpretation } from '../interpret';
import { AstCache, lineStartsOf, type PyNode } from '../syntax/ast';
import type { PythonParser, Tree } from '../syntax/parser';
import type { DiagnosticCode, Severity } from './codes';
import { diagnosticsOf, type DiagnosticSettings } from './diagnostics';
import { summarizeModels, type SummaryModel } from './summary';

export { inlayHints, type HintItem, type HintSettings } from './hints';
export { hover, type HoverInfo } from './hover';
export { fileDiagram, modelDiagram, type FileDiagram, type ModelDiagram } from './diagram';
export type { DiagnosticSettings } from './diagnostics';

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
  /** Start offset of each line, for positions. */
  lineStarts: number[];
  interpretation: Interpretation;
  analysisMs: number;
}

export { lineStartsOf };

export interface AnalysisSettings {
  imageDataFormat: EngineOptions['imageDataFormat'];
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

/** Analyses a module already copied (the language server keeps it up to date edit by edit). */
export function analyzeModule(
  module: PyNode,
  text: string,
  lineStarts: number[],
  settings: AnalysisSettings = DEFAULT_OPTIONS,
  start = process.hrtime.bigint(),
): Analysis {
  const interpretation = interpretModule(module, { imageDataFormat: settings.imageDataFormat });
  return { text, lineStarts, interpretation, analysisMs: Number(process.hrtime.bigint() - start) / 1e6 };
}

export function diagnostics(a: Analysis, settings?: DiagnosticSettings): Finding[] {
  return diagnosticsOf(a, settings);
}

export function summary(a: Analysis): SummaryModel[] {
  return summarizeModels(a.interpretation);
}

/** The `summary --json` object for one file, in the keras-truth programs format plus diagnostics. */
export function summaryJson(a: Analysis, file?: string): Record<string, unknown> {
  const e = a.interpretation.error;
  return {
    ...(file ? { file } : {}),
    models: summary(a),
    error: e ? { line: e.span.startLine + 1, type: e.pyType, message: e.message } : null,
    diagnostics: diagnostics(a),
  };
}
