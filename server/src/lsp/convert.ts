/**
 * The only mapping from the analysis's plain data to LSP types.
 */

import {
  DiagnosticSeverity,
  InlayHintKind,
  MarkupKind,
  type Diagnostic,
  type Hover,
  type InlayHint,
} from 'vscode-languageserver/node';
import type { Finding, HintItem, HoverInfo } from '../analysis';

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
