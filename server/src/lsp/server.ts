/**
 * The language server: capabilities, and one small handler per request, each
 * looking up the document's analysis, calling a feature and converting the
 * result. Every handler is guarded: a bug answers "nothing" and is logged,
 * and the server keeps serving. A request's long work (the analysis) lies
 * between two check points, where a `$/cancelRequest` read meanwhile ends it.
 */

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
  noteFinding,
  staleHintTooltip,
  toLocale,
  type AnalysisSettings,
  type Locale,
} from '../analysis';
import type { PythonParser } from '../syntax/parser';
import { toCodeAction, toDiagnostic, toDiagramResult, toHover, toInlayHint, type DiagramResult } from './convert';
import { DocumentStore, type Served } from './documents';
import { badChange, badOpen, documentUri, isPosition, isRange } from './params';
import {
  collectOldGarbageIfGrown,
  collectOldGarbageNow,
  collectWhenIdle,
  collectYoungGarbageIfFull,
  LARGE_TEXT_CHARS,
  oldGenerationUsed,
  youngGenerationSize,
} from './heap';
import { NOTEBOOK_SYNC, NotebookStore } from './notebooks';
import { defaultSettings, readSettings, type ServerSettings } from './settings';
import { SentVersions } from './versions';
import { filePathOfUri } from './uris';

/** Custom request: the document's models, and the diagram of the one at `line` (0-based); null for a document not open. */
export const DIAGRAM_REQUEST = 'shapeLens/diagram';

/** How long diagnostics wait for typing to pause before they are computed and pushed. */
const DIAGNOSTICS_DELAY_MS = 150;

/** Custom request answering the server's counters (analyses run, documents rebuilt) and memory; only with `SHAPE_LENS_STATS=1`. */
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
  /** Per document, the version and answers whose diagnostics were last published (weakly: a cold document drops them). */
  const published = new Map<string, { version: number; served: number }>();
  /**
   * Each answer published, numbered. Not a `WeakRef`: V8 keeps a `WeakRef`'s target alive until the
   * job that made it ends, which under a stream of edits kept every published analysis (hundreds of
   * megabytes) through full collections.
   */
  const servedIds = new WeakMap<object, number>();
  let lastServedId = 0;
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
   * A request handler's body, guarded: before `initialize` it is refused (-32002), parameters of the wrong
   * shape get InvalidParams, a cancelled request ends with RequestCancelled (at once, or at the body's next
   * check point), and a bug answers `fallback`.
   */
  async function answer<T>(
    what: string,
    uri: string | undefined,
    token: CancellationToken | undefined,
    valid: boolean,
    fallback: T,
    f: (checkpoint: () => Promise<void>) => T | Promise<T>,
  ): Promise<T | ResponseError> {
    if (!initialized) return new ResponseError(ErrorCodes.ServerNotInitialized, 'the server is not initialized');
    if (!valid)
      return new ResponseError(ErrorCodes.InvalidParams, `${what}: the parameters are not as the protocol has them`);
    collectWhenIdle();
    if (token?.isCancellationRequested) return cancelled();
    // A newer version of the document waits in the queue: this request is about one the editor replaced.
    const state = uri === undefined ? undefined : store.get(uri);
    if (state && uri !== undefined && versions.superseded(uri, state.doc.version))
      return new ResponseError(LSPErrorCodes.ContentModified, 'the document has changed');
    const checkpoint = async () => {
      // The work is synchronous: only between its steps can what came meanwhile be read. The first turn of
      // the event loop reads the input (a `$/cancelRequest` cancels the token as it is read); the second
      // lets the connection handle the message queued after this request (an edit makes it outdated).
      for (let turn = 0; turn < 2; turn++) await new Promise((resolve) => setImmediate(resolve));
      if (token?.isCancellationRequested) throw new Interrupted(cancelled());
    };
    try {
      return await f(checkpoint);
    } catch (e) {
      if (e instanceof Interrupted) return e.error;
      logFailure(what, e);
      return fallback;
    }
  }
  const cancelled = () => new ResponseError(LSPErrorCodes.RequestCancelled, 'the request was cancelled');

  /** The answers for `uri`'s current version, computed between two check points (the long work of a request). */
  async function servedFor(uri: string, checkpoint: () => Promise<void>): Promise<Served | undefined> {
    const version = store.get(uri)?.doc.version;
    // An edit read at a check point makes the request's positions those of an older text: not worth analysing.
    const unchanged = () => {
      if (store.get(uri)?.doc.version !== version)
        throw new Interrupted(new ResponseError(LSPErrorCodes.ContentModified, 'the document changed'));
    };
    await checkpoint();
    unchanged();
    const served = store.served(uri, analysisSettings());
    await checkpoint();
    unchanged();
    return served;
  }

  const logFailure = (what: string, e: unknown) =>
    connection.console.error(`shape-lens: ${what} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);

  /** One line in the log for a notification that cannot be applied, which the protocol cannot answer. */
  const ignored = (what: string, why: string) => connection.console.warn(`shape-lens: ${what} ignored: ${why}`);

  const staleNote = (s: Served) => (s.note?.kind === 'stale' ? s.note : undefined);

  function guard<T>(what: string, fallback: T, f: () => T): T {
    try {
      return f();
    } catch (e) {
      logFailure(what, e);
      return fallback;
    }
  }

  const notebooks = new NotebookStore(connection, parser, {
    analysisSettings,
    diagnosticSettings,
    hintSettings: () => (settings.hints.enabled ? { shapes: true, paramTotals: settings.hints.paramTotals } : null),
    imageDataFormat: () => settings.imageDataFormat,
    locale: () => locale,
    disabledWarnings: () => settings.disabledWarnings,
    guard,
  });

  function publish(uri: string): void {
    guard('diagnostics', undefined, () => {
      const state = store.get(uri);
      if (!state || versions.superseded(uri, state.doc.version)) return;
      const served = store.served(uri, analysisSettings());
      if (!served) return;
      let id = servedIds.get(served);
      if (id === undefined) servedIds.set(served, (id = ++lastServedId));
      const last = published.get(uri);
      if (last && last.version === state.doc.version && last.served === id) return;
      published.set(uri, { version: state.doc.version, served: id });
      let findings = served.result ? diagnostics(served.result, diagnosticSettings()) : [];
      // Stale findings keep the places of an older text: none past the end of this one.
      if (staleNote(served)) findings = findings.filter((f) => f.endLine <= state.doc.lineCount);
      if (served.note && !settings.disabledWarnings.includes('analysis-stopped'))
        findings = [noteFinding(served.note, locale), ...findings];
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

  connection.onDidOpenTextDocument((params) =>
    guard('open', undefined, () => {
      versions.handled(params);
      if (!initialized) return;
      const bad = badOpen(params);
      if (bad) return ignored('didOpen', bad);
      const d = params.textDocument;
      store.open(d.uri, d.languageId, d.version, d.text);
      collectWhenIdle();
      schedule(d.uri);
      refreshImporters(d.uri);
    }),
  );

  connection.onDidChangeTextDocument((params) =>
    guard('change', undefined, () => {
      versions.handled(params);
      if (!initialized) return;
      const bad = badChange(params);
      if (bad) return ignored('didChange', bad);
      const { textDocument: d, contentChanges } = params;
      const before = store.get(d.uri)?.doc.getText().length ?? 0;
      if (!store.change(d.uri, d.version, contentChanges)) return ignored('didChange', `${d.uri} is not open`);
      collectWhenIdle();
      // The previous analysis was just dropped: a good moment to collect what it leaves behind.
      if (before > LARGE_TEXT_CHARS) collectOldGarbageNow();
      else collectOldGarbageIfGrown();
      collectYoungGarbageIfFull();
      schedule(d.uri);
      refreshImporters(d.uri);
    }),
  );

  connection.onDidCloseTextDocument((params) =>
    guard('close', undefined, () => {
      if (!initialized) return;
      if (documentUri(params) === undefined) return ignored('didClose', 'no textDocument.uri');
      const d = params.textDocument;
      clearTimeout(timers.get(d.uri));
      timers.delete(d.uri);
      published.delete(d.uri);
      store.close(d.uri);
      void connection.sendDiagnostics({ uri: d.uri, diagnostics: [] });
      refreshImporters(d.uri);
    }),
  );

  connection.languages.inlayHint.on((params, token) =>
    answer(
      'inlay hints',
      documentUri(params),
      token,
      !!documentUri(params) && isRange(params?.range),
      [],
      async (checkpoint) => {
        const { textDocument, range } = params;
        if (notebooks.owns(textDocument.uri)) return notebooks.inlayHints(textDocument.uri, range);
        if (!settings.hints.enabled) return [];
        const served = await servedFor(textDocument.uri, checkpoint);
        if (!served?.result) return [];
        const lineCount = store.get(textDocument.uri)!.doc.lineCount;
        const items = inlayHints(
          served.result,
          { startLine: range.start.line, endLine: range.end.line },
          { shapes: true, paramTotals: settings.hints.paramTotals },
        );
        const stale = staleNote(served);
        if (!stale) return items.map(toInlayHint);
        const tooltip = staleHintTooltip(stale.version, locale);
        return items.filter((h) => h.line < lineCount).map((h) => ({ ...toInlayHint(h), tooltip }));
      },
    ),
  );

  connection.onHover((params, token) =>
    answer(
      'hover',
      documentUri(params),
      token,
      !!documentUri(params) && isPosition(params?.position),
      null,
      async (checkpoint) => {
        const { textDocument, position } = params;
        if (notebooks.owns(textDocument.uri)) return notebooks.hover(textDocument.uri, position);
        const served = await servedFor(textDocument.uri, checkpoint);
        const a = served?.result;
        const info = a && hover(a, position.line, position.character, settings.imageDataFormat, locale);
        if (!info) return null;
        const h = toHover(info);
        const stale = served && staleNote(served);
        if (stale && typeof h.contents === 'object' && 'value' in h.contents)
          h.contents.value += `\n\n---\n_${staleHintTooltip(stale.version, locale)}_`;
        return h;
      },
    ),
  );

  connection.onCodeAction((params, token) =>
    answer(
      'code actions',
      documentUri(params),
      token,
      !!documentUri(params) && isRange(params?.range),
      [],
      async (checkpoint) => {
        const { textDocument, range, context } = params;
        if (context?.only && !context.only.some((k) => CodeActionKind.QuickFix.startsWith(k))) return [];
        if (notebooks.owns(textDocument.uri)) return notebooks.codeActions(textDocument.uri, range);
        const served = await servedFor(textDocument.uri, checkpoint);
        // A stale analysis's edits are placed in an older text: none is offered.
        if (!served?.result || served.note) return [];
        const span = {
          startLine: range.start.line,
          startCol: range.start.character,
          endLine: range.end.line,
          endCol: range.end.character,
        };
        return codeActions(served.result, span, diagnosticSettings()).map((f) => toCodeAction(f, textDocument.uri));
      },
    ),
  );

  connection.onRequest(DIAGRAM_REQUEST, (params: { uri: string; line: number }, token) =>
    answer<DiagramResult | null>(
      'diagram',
      typeof params?.uri === 'string' ? params.uri : undefined,
      token,
      typeof params?.uri === 'string',
      null,
      async (checkpoint) => {
        const a = (await servedFor(params.uri, checkpoint))?.result;
        const line = Number.isInteger(params.line) ? params.line : 0;
        return a ? toDiagramResult(fileDiagram(a, line, settings.imageDataFormat)) : null;
      },
    ),
  );

  if (process.env.SHAPE_LENS_STATS === '1')
    connection.onRequest(STATS_REQUEST, () => ({
      ...store.stats,
      notebooks: notebooks.stats,
      memory: process.memoryUsage(),
      oldGeneration: oldGenerationUsed(),
      youngGeneration: youngGenerationSize(),
    }));
}

/** Thrown by a check point: the request ends with `error` (cancelled, or its document changed under it). */
class Interrupted {
  constructor(readonly error: ResponseError<void>) {}
}

/** The workspace folders of `initialize` as absolute paths (`file:` ones only): the roots imports are found from. */
function workspaceFoldersOf(params: InitializeParams): string[] {
  const uris = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
  const paths: string[] = [];
  for (const uri of uris) {
    // Not a path on this machine (another scheme or host): no imports are read from it.
    const file = filePathOfUri(uri);
    if (file !== undefined) paths.push(file);
  }
  return paths;
}
