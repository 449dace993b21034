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
 */

import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextDocumentContentChangeEvent } from 'vscode-languageserver/node';
import { fileURLToPath } from 'url';
import {
  analyzeModule,
  ModuleParseCache,
  type Analysis,
  type AnalysisSettings,
  type ModuleSourceProvider,
  type Workspace,
} from '../analysis';
import { analysedPath, diskModuleProvider } from './diskModules';
import { DocumentSyntax } from '../syntax/chunks';
import type { PythonParser } from '../syntax/parser';

/** How many documents keep their syntax and analysis (the most recently asked about or edited). */
export const WARM_DOCUMENTS = 8;

export interface DocumentState {
  doc: TextDocument;
  /** Present while the document is among the warm ones; made again from the text when needed. */
  syntax?: DocumentSyntax;
  analysis?: { version: number; settingsKey: string; result: Analysis };
  /** The analysis of the latest version that did not fail, answered (stale) for a version that did. */
  lastGood?: Analysis;
  /** The workspace files the latest analysis imported, kept when the analysis is dropped: an edit of one refreshes this document. */
  imports: readonly string[];
  /** Whether the document had a syntax before (a syntax made again is a rebuild). */
  parsed?: boolean;
}

/** Counts for tests and benchmarks. */
export interface StoreStats {
  /** Analyses run. */
  analyses: number;
  /** Syntaxes made again from the text of a document that had gone cold. */
  rebuilds: number;
}

export class DocumentStore {
  private readonly docs = new Map<string, DocumentState>();
  /** The open `file:` documents by the path the analysis names them by (what imports read). */
  private readonly byPath = new Map<string, string>();
  /** The warm documents, least recently used first. */
  private readonly warm = new Set<string>();
  readonly stats: StoreStats = { analyses: 0, rebuilds: 0 };
  private readonly moduleCache: ModuleParseCache;
  /** The workspace folders (absolute paths): `sys.path`'s roots for imports of the workspace's modules. */
  workspaceFolders: string[] = [];

  constructor(private readonly parser: PythonParser) {
    this.moduleCache = new ModuleParseCache(parser);
  }

  /** The path the analysis names a `file:` document by; undefined for other schemes. */
  private pathOf(uri: string): string | undefined {
    if (!uri.startsWith('file:')) return undefined;
    try {
      return analysedPath(fileURLToPath(uri));
    } catch {
      return undefined;
    }
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

  /** Applies edits to the text and, for a warm document, to its syntax; the document becomes warm. */
  change(uri: string, version: number, changes: TextDocumentContentChangeEvent[]): DocumentState | undefined {
    const state = this.docs.get(uri);
    if (!state) return undefined;
    for (const change of changes) {
      if ('range' in change && state.syntax) {
        const start = state.doc.offsetAt(change.range.start);
        const oldEnd = state.doc.offsetAt(change.range.end);
        TextDocument.update(state.doc, [change], version);
        state.syntax.edit(start, oldEnd, change.text);
      } else {
        TextDocument.update(state.doc, [change], version);
        state.syntax?.dispose();
        state.syntax = undefined;
      }
    }
    state.doc = TextDocument.update(state.doc, [], version);
    state.analysis = undefined;
    this.syntaxOf(uri, state);
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

  /** The document's syntax, made from its text if it had gone cold; the document becomes the most recently used. */
  private syntaxOf(uri: string, state: DocumentState): DocumentSyntax {
    this.warm.delete(uri);
    this.warm.add(uri);
    if (!state.syntax) {
      if (state.parsed) this.stats.rebuilds++;
      state.parsed = true;
      state.syntax = new DocumentSyntax(this.parser, state.doc.getText());
    }
    for (const u of this.warm) {
      if (this.warm.size <= WARM_DOCUMENTS) break;
      this.warm.delete(u);
      const cold = this.docs.get(u);
      if (cold) this.cool(cold);
    }
    return state.syntax;
  }

  /** Frees what the text can give again: the trees, the statement copies, the analyses. */
  private cool(state: DocumentState): void {
    state.syntax?.dispose();
    state.syntax = undefined;
    state.analysis = undefined;
    state.lastGood = undefined;
  }

  /** The analysis of the document's current version, computed now if needed. */
  analysis(uri: string, settings: AnalysisSettings): Analysis | undefined {
    const state = this.docs.get(uri);
    if (!state) return undefined;
    const key = settings.imageDataFormat;
    const syntax = this.syntaxOf(uri, state);
    if (state.analysis && state.analysis.version === state.doc.version && state.analysis.settingsKey === key)
      return state.analysis.result;
    let result: Analysis;
    this.stats.analyses++;
    try {
      result = analyzeModule(syntax.module(), syntax.source, syntax.lines, {
        ...settings,
        workspace: this.workspaceOf(uri),
      });
    } catch (e) {
      // Faults stay local: the next version starts from a fresh parse, and this one keeps the last
      // good answers (stale) rather than none.
      syntax.dispose();
      state.syntax = new DocumentSyntax(this.parser, state.doc.getText());
      if (!state.lastGood) throw e;
      process.stderr.write(
        `shape-lens: analysis of ${uri} v${state.doc.version} failed, last good answers kept: ${e}\n`,
      );
      state.analysis = { version: state.doc.version, settingsKey: key, result: state.lastGood };
      return state.lastGood;
    }
    state.analysis = { version: state.doc.version, settingsKey: key, result };
    state.lastGood = result;
    state.imports = result.interpretation.imports;
    return result;
  }

  /** Drops every cached analysis (settings changed). */
  invalidateAll(): void {
    for (const s of this.docs.values()) s.analysis = undefined;
  }

  uris(): string[] {
    return [...this.docs.keys()];
  }
}
