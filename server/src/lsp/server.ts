/**
 * The language server: capabilities, and one small handler per request, each
 * looking up the document's analysis, calling a feature and converting the
 * result. Every handler is guarded: a bug answers "nothing" and is logged,
 * and the server keeps serving.
 */

import { fileURLToPath } from 'url';
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  FileChangeType,
  ErrorCodes,
  LSPErrorCodes,
  ResponseError,
  TextDocumentSyncKind,
  type CancellationToken,
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
import { collectWhenIdle, collectYoungGarbageIfFull } from './heap';
import { NOTEBOOK_SYNC, NotebookStore } from './notebooks';
import { defaultSettings, readSettings, type ServerSettings } from './settings';
import { SentVersions } from './versions';

/** Custom request: the document's models, and the diagram of the one at `line` (0-based); null for a document not open. */
export const DIAGRAM_REQUEST = 'shapeLens/diagram';

/** How long diagnostics wait for typing to pause before they are computed and pushed. */
const DIAGNOSTICS_DELAY_MS = 150;

/** Custom request answering the server's counters (analyses run, documents rebuilt); only with `SHAPE_LENS_STATS=1`. */
export const STATS_REQUEST = 'shapeLens/stats';

/**
 * `versions`: the document versions the client has sent, read ahead of handling (`versions.ts`); a
 * transport that does not record them leaves every request to be answered.
 */
export function createServer(
  connection: Connection,
  parser: PythonParser,
  versions: SentVersions = new SentVersions(),
): void {
  const store = new DocumentStore(parser);
  /** Per document, the version and analysis whose diagnostics were last published (weakly: a cold document drops its analysis). */
  const published = new Map<string, { version: number; analysis: WeakRef<object> }>();
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

  /** Set by `initialize`: the protocol has every request before it answered with ServerNotInitialized. */
  let initialized = false;

  /**
   * A request handler's body, guarded: before `initialize` it is refused (-32002), a request the
   * client cancelled before its work started ends with RequestCancelled, and a bug answers `fallback`.
   */
  function answer<T>(
    what: string,
    uri: string,
    token: CancellationToken | undefined,
    fallback: T,
    f: () => T,
  ): T | ResponseError {
    if (!initialized) return new ResponseError(ErrorCodes.ServerNotInitialized, 'the server is not initialized');
    collectWhenIdle();
    if (token?.isCancellationRequested) return cancelled();
    // A newer version of the document waits in the queue: this request is about one the editor replaced.
    const state = store.get(uri);
    if (state && versions.superseded(uri, state.doc.version))
      return new ResponseError(LSPErrorCodes.ContentModified, 'the document has changed');
    const result = guard(what, fallback, f);
    // The work is synchronous: a cancellation seen now arrived while it ran.
    return token?.isCancellationRequested ? cancelled() : result;
  }
  const cancelled = () => new ResponseError(LSPErrorCodes.RequestCancelled, 'the request was cancelled');

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

  const notebooks = new NotebookStore(connection, parser, {
    analysisSettings,
    diagnosticSettings,
    hintSettings: () => (settings.hints.enabled ? { shapes: true, paramTotals: settings.hints.paramTotals } : null),
    imageDataFormat: () => settings.imageDataFormat,
    locale: () => locale,
    guard,
  });

  /**
   * Publishes the diagnostics of the document's current version, once per version and analysis;
   * none for a version a queued `didChange` supersedes (its own turn schedules them again).
   */
  function publish(uri: string): void {
    guard('diagnostics', undefined, () => {
      const state = store.get(uri);
      if (!state || versions.superseded(uri, state.doc.version)) return;
      const a = store.analysis(uri, analysisSettings());
      if (!a) return;
      const last = published.get(uri);
      if (last && last.version === state.doc.version && last.analysis.deref() === a) return;
      published.set(uri, { version: state.doc.version, analysis: new WeakRef(a) });
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
        collectWhenIdle();
      }, DIAGNOSTICS_DELAY_MS),
    );
  }

  /**
   * A workspace module changed (`uri`'s document opened, edited, closed, or changed on disk), or
   * files appeared or went (no `uri`): the documents whose analysis read it are analysed again,
   * their hints asked anew.
   */
  function refreshImporters(uri: string | undefined): void {
    const dropped = store.invalidateImporters(uri);
    for (const u of dropped) schedule(u);
    if (dropped.length > 0) connection.languages.inlayHint.refresh().catch(() => undefined);
  }

  connection.onDidChangeWatchedFiles(({ changes }) =>
    guard('watched files', undefined, () => {
      if (!initialized) return;
      // A file saved or changed on disk matters to its importers only; one that appeared or went may
      // also mend or break an import that found nothing, which no analysis records.
      if (changes.some((c) => c.type !== FileChangeType.Changed)) refreshImporters(undefined);
      else for (const c of changes) refreshImporters(c.uri);
    }),
  );

  async function refreshSettings(): Promise<void> {
    if (!canPullConfiguration) return;
    const raw = await connection.workspace.getConfiguration('shapeLens').catch(() => undefined);
    settings = readSettings(raw);
    store.invalidateAll();
    notebooks.invalidateAll();
    for (const uri of store.uris()) schedule(uri);
    connection.languages.inlayHint.refresh().catch(() => undefined);
  }

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    canPullConfiguration = !!params.capabilities.workspace?.configuration;
    locale = toLocale(params.locale);
    settings = readSettings(params.initializationOptions?.settings);
    store.workspaceFolders = workspaceFoldersOf(params);
    initialized = true;
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        notebookDocumentSync: NOTEBOOK_SYNC,
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
      notebooks.invalidateAll();
      for (const uri of store.uris()) schedule(uri);
    }
  });

  connection.onDidOpenTextDocument(({ textDocument: d }) =>
    guard('open', undefined, () => {
      if (!initialized) return;
      if (!Number.isInteger(d.version))
        throw new Error(`didOpen: version ${JSON.stringify(d.version)} is not an integer`);
      store.open(d.uri, d.languageId, d.version, d.text);
      collectWhenIdle();
      schedule(d.uri);
      refreshImporters(d.uri);
    }),
  );

  connection.onDidChangeTextDocument(({ textDocument: d, contentChanges }) =>
    guard('change', undefined, () => {
      if (!initialized) return;
      if (!Number.isInteger(d.version))
        throw new Error(`didChange: version ${JSON.stringify(d.version)} is not an integer`);
      store.change(d.uri, d.version, contentChanges);
      collectWhenIdle();
      // The previous analysis was just dropped: a good moment to collect what it leaves behind.
      collectYoungGarbageIfFull();
      schedule(d.uri);
      refreshImporters(d.uri);
    }),
  );

  connection.onDidCloseTextDocument(({ textDocument: d }) =>
    guard('close', undefined, () => {
      if (!initialized) return;
      clearTimeout(timers.get(d.uri));
      timers.delete(d.uri);
      published.delete(d.uri);
      store.close(d.uri);
      void connection.sendDiagnostics({ uri: d.uri, diagnostics: [] });
      refreshImporters(d.uri);
    }),
  );

  connection.languages.inlayHint.on(({ textDocument, range }, token) =>
    answer('inlay hints', textDocument.uri, token, [], () => {
      if (notebooks.owns(textDocument.uri)) return notebooks.inlayHints(textDocument.uri, range);
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

  connection.onHover(({ textDocument, position }, token) =>
    answer('hover', textDocument.uri, token, null, () => {
      if (notebooks.owns(textDocument.uri)) return notebooks.hover(textDocument.uri, position);
      const a = store.analysis(textDocument.uri, analysisSettings());
      const info = a && hover(a, position.line, position.character, settings.imageDataFormat, locale);
      return info ? toHover(info) : null;
    }),
  );

  connection.onCodeAction(({ textDocument, range, context }, token) =>
    answer('code actions', textDocument.uri, token, [], () => {
      if (context.only && !context.only.some((k) => CodeActionKind.QuickFix.startsWith(k))) return [];
      if (notebooks.owns(textDocument.uri)) return notebooks.codeActions(textDocument.uri, range);
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

  connection.onRequest(DIAGRAM_REQUEST, (params: { uri: string; line: number }, token) =>
    answer<DiagramResult | null>('diagram', params?.uri ?? '', token, null, () => {
      const a = store.analysis(params.uri, analysisSettings());
      const line = Number.isInteger(params.line) ? params.line : 0;
      return a ? toDiagramResult(fileDiagram(a, line, settings.imageDataFormat)) : null;
    }),
  );

  if (process.env.SHAPE_LENS_STATS === '1')
    connection.onRequest(STATS_REQUEST, () => ({ ...store.stats, memory: process.memoryUsage() }));
}

/** The workspace folders of `initialize` as absolute paths (`file:` ones only): the roots imports are found from. */
function workspaceFoldersOf(params: InitializeParams): string[] {
  const uris = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
  const paths: string[] = [];
  for (const uri of uris) {
    if (!uri.startsWith('file:')) continue;
    try {
      paths.push(fileURLToPath(uri));
    } catch {
      // Not a path on this machine: no imports are read from it.
    }
  }
  return paths;
}
