/**
 * The language server: capabilities, and one small handler per request, each
 * looking up the document's analysis, calling a feature and converting the
 * result. Every handler is guarded: a bug answers "nothing" and is logged,
 * and the server keeps serving.
 */

import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  TextDocumentSyncKind,
  type Connection,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node';
import {
  codeActions,
  diagnostics,
  fileDiagram,
  hover,
  inlayHints,
  toLocale,
  type AnalysisSettings,
  type Locale,
} from '../analysis';
import type { PythonParser } from '../syntax/parser';
import { toCodeAction, toDiagnostic, toDiagramResult, toHover, toInlayHint, type DiagramResult } from './convert';
import { DocumentStore } from './documents';
import { collectYoungGarbageIfFull } from './heap';
import { defaultSettings, readSettings, type ServerSettings } from './settings';

/** Custom request: the document's models, and the diagram of the one at `line` (0-based); null for a document not open. */
export const DIAGRAM_REQUEST = 'shapeLens/diagram';

/** How long diagnostics wait for typing to pause before they are computed and pushed. */
const DIAGNOSTICS_DELAY_MS = 150;

export function createServer(connection: Connection, parser: PythonParser): void {
  const store = new DocumentStore(parser);
  let settings: ServerSettings = defaultSettings();
  let canPullConfiguration = false;
  /** The language of Shape Lens's texts: the editor's display language, from `initialize`. */
  let locale: Locale = 'en';
  const timers = new Map<string, NodeJS.Timeout>();

  const analysisSettings = (): AnalysisSettings => ({ imageDataFormat: settings.imageDataFormat });
  const diagnosticSettings = () => ({
    disabled: settings.disabledWarnings,
    imageDataFormat: settings.imageDataFormat,
    locale,
  });

  function guard<T>(what: string, fallback: T, f: () => T): T {
    try {
      return f();
    } catch (e) {
      connection.console.error(
        `shape-lens: ${what} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`,
      );
      return fallback;
    }
  }

  function publish(uri: string): void {
    guard('diagnostics', undefined, () => {
      const state = store.get(uri);
      const a = store.analysis(uri, analysisSettings());
      if (!state || !a) return;
      const findings = diagnostics(a, diagnosticSettings());
      void connection.sendDiagnostics({ uri, version: state.doc.version, diagnostics: findings.map(toDiagnostic) });
    });
  }

  /** Debounced: only the latest version of a document is analysed for diagnostics. */
  function schedule(uri: string): void {
    clearTimeout(timers.get(uri));
    timers.set(
      uri,
      setTimeout(() => {
        timers.delete(uri);
        publish(uri);
      }, DIAGNOSTICS_DELAY_MS),
    );
  }

  async function refreshSettings(): Promise<void> {
    if (!canPullConfiguration) return;
    const raw = await connection.workspace.getConfiguration('shapeLens').catch(() => undefined);
    settings = readSettings(raw);
    store.invalidateAll();
    for (const uri of store.uris()) schedule(uri);
    connection.languages.inlayHint.refresh().catch(() => undefined);
  }

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    canPullConfiguration = !!params.capabilities.workspace?.configuration;
    locale = toLocale(params.locale);
    settings = readSettings(params.initializationOptions?.settings);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        inlayHintProvider: true,
        hoverProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
      },
      serverInfo: { name: 'shape-lens' },
    };
  });

  connection.onInitialized(() => {
    if (canPullConfiguration) {
      void connection.client
        .register(DidChangeConfigurationNotification.type, { section: 'shapeLens' })
        .catch(() => undefined);
      void refreshSettings();
    }
  });

  connection.onDidChangeConfiguration((change) => {
    if (canPullConfiguration) void refreshSettings();
    else {
      settings = readSettings((change.settings as { shapeLens?: unknown } | undefined)?.shapeLens);
      store.invalidateAll();
      for (const uri of store.uris()) schedule(uri);
    }
  });

  connection.onDidOpenTextDocument(({ textDocument: d }) =>
    guard('open', undefined, () => {
      store.open(d.uri, d.languageId, d.version, d.text);
      schedule(d.uri);
    }),
  );

  connection.onDidChangeTextDocument(({ textDocument: d, contentChanges }) =>
    guard('change', undefined, () => {
      store.change(d.uri, d.version ?? 0, contentChanges);
      // The previous analysis was just dropped: a good moment to collect what it leaves behind.
      collectYoungGarbageIfFull();
      schedule(d.uri);
    }),
  );

  connection.onDidCloseTextDocument(({ textDocument: d }) =>
    guard('close', undefined, () => {
      clearTimeout(timers.get(d.uri));
      timers.delete(d.uri);
      store.close(d.uri);
      void connection.sendDiagnostics({ uri: d.uri, diagnostics: [] });
    }),
  );

  connection.languages.inlayHint.on(({ textDocument, range }) =>
    guard('inlay hints', [], () => {
      if (!settings.hints.enabled) return [];
      const a = store.analysis(textDocument.uri, analysisSettings());
      if (!a) return [];
      return inlayHints(
        a,
        { startLine: range.start.line, endLine: range.end.line },
        { shapes: true, paramTotals: settings.hints.paramTotals },
      ).map(toInlayHint);
    }),
  );

  connection.onHover(({ textDocument, position }) =>
    guard('hover', null, () => {
      const a = store.analysis(textDocument.uri, analysisSettings());
      const info = a && hover(a, position.line, position.character, settings.imageDataFormat, locale);
      return info ? toHover(info) : null;
    }),
  );

  connection.onCodeAction(({ textDocument, range, context }) =>
    guard('code actions', [], () => {
      if (context.only && !context.only.some((k) => CodeActionKind.QuickFix.startsWith(k))) return [];
      const a = store.analysis(textDocument.uri, analysisSettings());
      if (!a) return [];
      const span = {
        startLine: range.start.line,
        startCol: range.start.character,
        endLine: range.end.line,
        endCol: range.end.character,
      };
      return codeActions(a, span, diagnosticSettings()).map((f) => toCodeAction(f, textDocument.uri));
    }),
  );

  connection.onRequest(DIAGRAM_REQUEST, (params: { uri: string; line: number }) =>
    guard<DiagramResult | null>('diagram', null, () => {
      const a = store.analysis(params.uri, analysisSettings());
      const line = Number.isInteger(params.line) ? params.line : 0;
      return a ? toDiagramResult(fileDiagram(a, line, settings.imageDataFormat)) : null;
    }),
  );
}
