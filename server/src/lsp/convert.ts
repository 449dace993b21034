/**
 * The only mapping from the analysis's plain data to LSP types.
 */

import {
  CodeActionKind,
  DiagnosticSeverity,
  InlayHintKind,
  MarkupKind,
  type CodeAction,
  type Diagnostic,
  type Hover,
  type InlayHint,
} from 'vscode-languageserver/node';
import type { FileDiagram, Finding, HintItem, HoverInfo, QuickFix } from '../analysis';
import { rowShapeText } from '../analysis/summary';

export function toInlayHint(h: HintItem): InlayHint {
  return {
    position: { line: h.line, character: h.character },
    label: h.label,
    kind: InlayHintKind.Type,
    paddingLeft: true,
  };
}

export function toHover(h: HoverInfo): Hover {
  return {
    contents: { kind: MarkupKind.Markdown, value: h.markdown },
    range: {
      start: { line: h.span.startLine, character: h.span.startCol },
      end: { line: h.span.endLine, character: h.span.endCol },
    },
  };
}

const SEVERITY = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function toDiagnostic(f: Finding): Diagnostic {
  return {
    range: {
      start: { line: f.line - 1, character: f.column - 1 },
      end: { line: f.endLine - 1, character: f.endColumn - 1 },
    },
    severity: SEVERITY[f.severity],
    code: f.code,
    source: 'shape-lens',
    message: f.message,
  };
}

/** A quick fix as a code action on `uri`: its edits, and the diagnostic it removes (as published). */
export function toCodeAction(fix: QuickFix, uri: string): CodeAction {
  return {
    title: fix.title,
    kind: CodeActionKind.QuickFix,
    diagnostics: [toDiagnostic(fix.diagnostic)],
    ...(fix.isPreferred ? { isPreferred: true } : {}),
    edit: {
      changes: {
        [uri]: fix.edits.map((e) => ({
          range: {
            start: { line: e.span.startLine, character: e.span.startCol },
            end: { line: e.span.endLine, character: e.span.endCol },
          },
          newText: e.newText,
        })),
      },
    },
  };
}

/**
 * The answer to `shapeLens/diagram`: the file's models and the diagram of the one at the
 * cursor, with 0-based lines as everywhere in LSP (the client shows them 1-based).
 */
export interface DiagramResult {
  models: Array<{ name: string; kind: string; line: number }>;
  selected: number | null;
  diagram: {
    name: string;
    kind: string;
    line: number;
    firstLine: number;
    lastLine: number;
    rows: Array<{ name: string; className: string; shape: string; params: number | null; line: number }>;
    totals: { total: number | null; trainable: number | null; nonTrainable: number | null };
    tensors: Array<{ id: number; text: string; dims: string[]; axes: string[]; input?: string; output?: number }>;
    layers: Array<{
      id: number;
      row: number | null;
      className: string;
      name: string;
      params: number | null;
      line: number;
      inputs: number[];
      outputs: number[];
    }>;
    undrawn?: string;
  } | null;
  error: { line: number; type: string; message: string } | null;
}

export function toDiagramResult(f: FileDiagram): DiagramResult {
  const d = f.diagram;
  return {
    models: f.models.map((m) => ({ name: m.name, kind: m.kind, line: m.line - 1 })),
    selected: f.selected,
    diagram: d && {
      name: d.summary.name ?? d.summary.kind,
      kind: d.summary.kind,
      line: d.summary.line - 1,
      firstLine: d.firstLine - 1,
      lastLine: d.lastLine - 1,
      rows: d.summary.layers.map((r) => ({
        name: r.name,
        className: r.class,
        shape: rowShapeText(r),
        params: r.params,
        line: r.line - 1,
      })),
      totals: {
        total: d.summary.total_params,
        trainable: d.summary.trainable_params,
        nonTrainable: d.summary.non_trainable_params,
      },
      tensors: d.tensors.map(({ id, text, dims, axes, input, output }) => ({ id, text, dims, axes, input, output })),
      layers: d.layers.map((l) => ({ ...l, line: l.line - 1 })),
      ...(d.undrawn ? { undrawn: d.undrawn } : {}),
    },
    error: f.error && { ...f.error, line: f.error.line - 1 },
  };
}
