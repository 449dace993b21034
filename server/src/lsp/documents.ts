/**
 * Open documents: text (incremental sync), their syntax kept up to date edit
 * by edit (`DocumentSyntax`: incremental reparses, statement copies reused),
 * and the analysis of the latest version, computed at most once per version
 * and only when asked for.
 *
 * Only the documents asked about or edited most recently keep their syntax
 * (tree-sitter trees in WebAssembly memory, which never shrinks, and the
 * statement copies) and their analysis: a megabyte or more each, while most
 * open documents are not shown. The others keep their text and are parsed and
 * analysed again when next asked about, which gives the same answers.
 *
 * Faults stay local: a document past `MAX_DOCUMENT_BYTES` is not parsed (a
 * note says so); a parse or analysis that fails drops the document's syntax (the
 * next version is parsed afresh) and serves the last good analysis, marked
 * stale, or none with a note. The syntax catches up with the text when an
 * analysis asks, in one edit: a burst of edits costs one reparse.
 *
 * Each warm document keeps its runs (`IncrementalInterpreter`): in idle
 * moments the statements above its last edit are run again ahead of time,
 * a slice at a time, and the next analysis takes that run over when those
 * statements did not change (the same answers as a run from the top).
 */

import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextDocumentContentChangeEvent } from 'vscode-languageserver/node';
import {
  analyzeModule,
  IncrementalInterpreter,
  MAX_DOCUMENT_BYTES,
  ModuleParseCache,
  type DocumentNote,
  type Analysis,
  type AnalysisSettings,
  type ModuleSourceProvider,
  type Workspace,
} from '../analysis';
import { diskModuleProvider } from './diskModules';
import { filePathOfUri } from './uris';
import { DocumentSyntax } from '../syntax/chunks';
import type { PythonParser } from '../syntax/parser';

/** How many documents keep their syntax and analysis (the most recently asked about or edited). */
export const WARM_DOCUMENTS = 8;
/** How long one idle slice of running ahead (`IncrementalInterpreter.step`) may take, in ms. */
const AHEAD_SLICE_MS = 4;
/**
 * How long the server waits after an analysis before running ahead, in ms: keystrokes that come
 * back to back (a burst, a paste, a client replaying edits) leave no idle moment, and running
 * ahead then would only compete with them.
 */
const AHEAD_DELAY_MS = 25;

export interface DocumentState {
  doc: TextDocument;
  /** Present while the document is among the warm ones; made again from the text when needed. */
  syntax?: DocumentSyntax;
  analysis?: { version: number; settingsKey: string } & Served;
  /** The analysis of the latest version that did not fail, answered (stale) for a version that did. */
  lastGood?: { version: number; result: Analysis };
  /** The workspace files the latest analysis imported, kept when the analysis is dropped: an edit of one refreshes this document. */
  imports: readonly string[];
  /** Whether the document had a syntax before (a syntax made again is a rebuild). */
  parsed?: boolean;
  /** Its runs, which the next analysis may resume (`interpret/incremental/`); kept while warm. */
  runs?: IncrementalInterpreter;
}

/** What is answered for a document's current version: its analysis, and why it is not the version's own. */
export interface Served {
  result?: Analysis;
  note?: DocumentNote;
}

/** The UTF-8 size of `text` when it is past MAX_DOCUMENT_BYTES, else undefined. */
export function oversize(text: string): number | undefined {
  // A UTF-16 unit is at most 3 bytes of UTF-8: most texts need no count.
  if (text.length * 3 <= MAX_DOCUMENT_BYTES) return undefined;
  const bytes = Buffer.byteLength(text);
  return bytes > MAX_DOCUMENT_BYTES ? bytes : undefined;
}

/** Counts for tests and benchmarks. */
export interface StoreStats {
  /** Analyses run. */
  analyses: number;
  /** Syntaxes made again from the text of a document that had gone cold. */
  rebuilds: number;
  /** Analyses that resumed a run made ahead, and the top-level statements they did not run again. */
  resumed: number;
  skipped: number;
  /** Analyses that ran only the groups of statements an edit touched, and the statements they kept. */
  groupRuns: number;
  kept: number;
}

export class DocumentStore {
  private readonly docs = new Map<string, DocumentState>();
  /** The open `file:` documents by the path the analysis names them by (what imports read). */
  private readonly byPath = new Map<string, string>();
  /** The warm documents, least recently used first. */
  private readonly warm = new Set<string>();
  readonly stats: StoreStats = { analyses: 0, rebuilds: 0, resumed: 0, skipped: 0, groupRuns: 0, kept: 0 };
  private aheadQueued = false;
  /** When the last analysis ended (`performance.now()`). */
  private lastAnalysis = 0;
  private readonly moduleCache: ModuleParseCache;
  /** The workspace folders (absolute paths): `sys.path`'s roots for imports of the workspace's modules. */
  workspaceFolders: string[] = [];

  constructor(private readonly parser: PythonParser) {
    this.moduleCache = new ModuleParseCache(parser);
  }

  /** The path the analysis names a `file:` document by; undefined for other schemes. */
  private pathOf(uri: string): string | undefined {
    return filePathOfUri(uri);
  }

  /** Imports of `uri` read open documents first (their unsaved text), then the workspace's files on disk. */
  private workspaceOf(uri: string): Workspace | undefined {
    const file = this.pathOf(uri);
    if (!file) return undefined;
    const folder = file.slice(0, Math.max(1, file.lastIndexOf('/')));
    const disk = diskModuleProvider(this.workspaceFolders, [...this.workspaceFolders, folder]);
    const provider: ModuleSourceProvider = {
      roots: disk.roots,
      read: (path) => {
        const open = this.byPath.get(path);
        const state = open === undefined ? undefined : this.docs.get(open);
        if (state) return { text: state.doc.getText(), version: `open:${state.doc.version}` };
        return disk.read(path);
      },
    };
    return { file, provider, cache: this.moduleCache };
  }

  /**
   * Drops the analyses that read `uri`'s file as an imported module, and returns their documents;
   * with no `uri` (a file appeared or went on disk, which may also mend or break an import that
   * found nothing), every analysis.
   */
  invalidateImporters(uri?: string): string[] {
    const path = uri && this.pathOf(uri);
    if (uri && !path) return [];
    const dropped: string[] = [];
    for (const [u, state] of this.docs) {
      if (u === uri) continue;
      if (path ? state.imports.includes(path) : true) {
        state.analysis = undefined;
        state.runs?.clear();
        dropped.push(u);
      }
    }
    return dropped;
  }

  get(uri: string): DocumentState | undefined {
    return this.docs.get(uri);
  }

  /** Opens a document cold: it is parsed when first asked about. */
  open(uri: string, languageId: string, version: number, text: string): DocumentState {
    this.close(uri);
    const state: DocumentState = { doc: TextDocument.create(uri, languageId, version, text), imports: [] };
    this.docs.set(uri, state);
    const path = this.pathOf(uri);
    if (path) this.byPath.set(path, uri);
    return state;
  }

  /** Applies edits to the text (its syntax catches up when an analysis asks); the document becomes warm. */
  change(uri: string, version: number, changes: TextDocumentContentChangeEvent[]): DocumentState | undefined {
    const state = this.docs.get(uri);
    if (!state) return undefined;
    for (const change of changes) {
      // The whole text: parsed afresh when an analysis asks for it.
      if (!('range' in change)) this.dropSyntax(state);
      TextDocument.update(state.doc, [change], version);
    }
    state.doc = TextDocument.update(state.doc, [], version);
    state.analysis = undefined;
    this.touch(uri);
    return state;
  }

  close(uri: string): void {
    const state = this.docs.get(uri);
    if (!state) return;
    this.cool(state);
    this.warm.delete(uri);
    this.docs.delete(uri);
    const path = this.pathOf(uri);
    if (path && this.byPath.get(path) === uri) {
      this.byPath.delete(path);
      // Another open URI naming the same file (spelt differently) answers for it now.
      for (const u of this.docs.keys()) if (this.pathOf(u) === path) this.byPath.set(path, u);
    }
  }

  /** The document becomes the most recently used; the least recently used beyond WARM_DOCUMENTS go cold. */
  private touch(uri: string): void {
    this.warm.delete(uri);
    this.warm.add(uri);
    for (const u of this.warm) {
      if (this.warm.size <= WARM_DOCUMENTS) break;
      this.warm.delete(u);
      const cold = this.docs.get(u);
      if (cold) this.cool(cold);
    }
  }

  /**
   * The syntax of the current text: the kept one brought up to date by the one edit between them, or
   * one made from the text (the document had gone cold, or its syntax failed).
   */
  private syntaxOf(uri: string, state: DocumentState, text: string): DocumentSyntax {
    this.touch(uri);
    const syntax = state.syntax;
    if (syntax && syntax.source !== text) {
      const { start, oldEnd, inserted } = editBetween(syntax.source, text);
      try {
        syntax.edit(start, oldEnd, inserted);
      } catch (e) {
        this.dropSyntax(state);
        process.stderr.write(`shape-lens: parse of ${uri} v${state.doc.version} failed, parsed afresh: ${e}\n`);
      }
    }
    if (!state.syntax) {
      if (state.parsed) this.stats.rebuilds++;
      state.parsed = true;
      state.syntax = new DocumentSyntax(this.parser, text);
    }
    return state.syntax;
  }

  private dropSyntax(state: DocumentState): void {
    try {
      state.syntax?.dispose();
    } catch {
      // Its trees live in the memory that failed: dropped either way.
    }
    state.syntax = undefined;
  }

  /** Frees what the text can give again: the trees, the statement copies, the analyses. */
  private cool(state: DocumentState): void {
    this.dropSyntax(state);
    state.analysis = undefined;
    state.lastGood = undefined;
    state.runs = undefined;
  }

  /** The analysis of the document's current version, computed now if needed. */
  analysis(uri: string, settings: AnalysisSettings): Analysis | undefined {
    return this.served(uri, settings)?.result;
  }

  /** What is answered for the document's current version (its analysis, or the last good one, or none) and why. */
  served(uri: string, settings: AnalysisSettings): Served | undefined {
    const state = this.docs.get(uri);
    if (!state) return undefined;
    const key = settings.imageDataFormat;
    const version = state.doc.version;
    if (state.analysis && state.analysis.version === version && state.analysis.settingsKey === key) {
      this.touch(uri);
      return state.analysis;
    }
    state.analysis = { version, settingsKey: key, ...this.compute(uri, state, settings) };
    return state.analysis;
  }

  private compute(uri: string, state: DocumentState, settings: AnalysisSettings): Served {
    const text = state.doc.getText();
    const bytes = oversize(text);
    if (bytes !== undefined) {
      this.dropSyntax(state);
      return { note: { kind: 'too-large', bytes, limit: MAX_DOCUMENT_BYTES } };
    }
    this.stats.analyses++;
    try {
      const syntax = this.syntaxOf(uri, state, text);
      const runs = (state.runs ??= new IncrementalInterpreter());
      const before = runs.stats.skipped;
      const keptBefore = runs.stats.kept;
      const result = analyzeModule(
        syntax.module(),
        syntax.source,
        syntax.lines,
        { ...settings, workspace: this.workspaceOf(uri) },
        undefined,
        runs,
      );
      if (runs.stats.skipped > before) {
        this.stats.resumed++;
        this.stats.skipped += runs.stats.skipped - before;
      }
      if (runs.stats.kept > keptBefore) {
        this.stats.groupRuns++;
        this.stats.kept += runs.stats.kept - keptBefore;
      }
      state.lastGood = { version: state.doc.version, result };
      state.imports = result.interpretation.imports;
      this.lastAnalysis = performance.now();
      if (runs.pending) this.scheduleAhead();
      return { result };
    } catch (e) {
      // The next version starts from a fresh parse and a run from the top; this one keeps the last good
      // answers (stale) rather than none.
      this.dropSyntax(state);
      state.runs = undefined;
      process.stderr.write(
        `shape-lens: analysis of ${uri} v${state.doc.version} failed${state.lastGood ? ', last good answers kept' : ''}: ${e}\n`,
      );
      const good = state.lastGood;
      return good
        ? { result: good.result, note: { kind: 'stale', version: good.version } }
        : { note: { kind: 'failed' } };
    }
  }

  /** Drops every cached analysis (settings changed). */
  invalidateAll(): void {
    for (const s of this.docs.values()) {
      s.analysis = undefined;
      s.runs?.clear();
    }
  }

  /**
   * In idle moments (none has come for `AHEAD_DELAY_MS` since the last analysis), the most recently
   * used document's runs run ahead the statements above its last edit, a slice at a time, so that a
   * request or an edit waits at most one slice.
   */
  private scheduleAhead(): void {
    if (this.aheadQueued) return;
    this.aheadQueued = true;
    const slice = () => {
      this.aheadQueued = false;
      this.stepAhead();
    };
    const wait = this.lastAnalysis + AHEAD_DELAY_MS - performance.now();
    if (wait > 0) setTimeout(slice, Math.ceil(wait)).unref();
    else setImmediate(slice).unref();
  }

  private stepAhead(): void {
    if (this.lastAnalysis + AHEAD_DELAY_MS > performance.now()) {
      // An analysis came since: not idle yet.
      this.scheduleAhead();
      return;
    }
    const recent = [...this.warm].reverse();
    for (const uri of recent) {
      const state = this.docs.get(uri);
      const runs = state?.runs;
      if (!state || !runs?.pending) continue;
      try {
        runs.step(AHEAD_SLICE_MS);
      } catch (e) {
        // A fault while running ahead costs only the head start: the next analysis runs from the top.
        state.runs = undefined;
        process.stderr.write(`shape-lens: running ahead in ${uri} failed: ${e}\n`);
      }
      break;
    }
    if (recent.some((u) => this.docs.get(u)?.runs?.pending)) this.scheduleAhead();
  }

  uris(): string[] {
    return [...this.docs.keys()];
  }
}

/** The one edit that turns `before` into `after`: what lies between their common start and common end. */
export function editBetween(before: string, after: string): { start: number; oldEnd: number; inserted: string } {
  const most = Math.min(before.length, after.length);
  let start = 0;
  while (start < most && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let tail = 0;
  while (
    tail < most - start &&
    before.charCodeAt(before.length - 1 - tail) === after.charCodeAt(after.length - 1 - tail)
  )
    tail++;
  return { start, oldEnd: before.length - tail, inserted: after.slice(start, after.length - tail) };
}
