/**
 * The analysis façade: the verbs the CLI and the language server share.
 * Everything it returns is plain data in editor terms (1-based lines in the
 * JSON forms, 0-based positions in spans), never syntax trees or protocol types.
 */

import { DEFAULT_OPTIONS, type EngineOptions } from '../shapes/args';
import { interpretTree, type Interpretation } from '../interpret';
import type { PythonParser } from '../syntax/parser';
import { CODES, type DiagnosticCode, type Severity } from './codes';
import { summarizeModels, type SummaryModel } from './summary';

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
  interpretation: Interpretation;
  analysisMs: number;
}

export interface AnalysisSettings {
  imageDataFormat: EngineOptions['imageDataFormat'];
}

export function analyze(text: string, parser: PythonParser, settings: AnalysisSettings = DEFAULT_OPTIONS): Analysis {
  const start = process.hrtime.bigint();
  const tree = parser.parse(text);
  try {
    const interpretation = interpretTree(tree, { imageDataFormat: settings.imageDataFormat });
    return { interpretation, analysisMs: Number(process.hrtime.bigint() - start) / 1e6 };
  } finally {
    tree.delete();
  }
}

export function diagnostics(a: Analysis): Finding[] {
  const out: Finding[] = [];
  const e = a.interpretation.error;
  if (e) {
    out.push({
      line: e.span.startLine + 1,
      column: e.span.startCol + 1,
      endLine: e.span.endLine + 1,
      endColumn: e.span.endCol + 1,
      severity: CODES['keras-error'].severity,
      code: 'keras-error',
      message: `${e.pyType}: ${e.message}`,
    });
  }
  return out;
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
