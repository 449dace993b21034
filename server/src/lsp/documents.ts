/**
 * Open documents: text (incremental sync), their syntax kept up to date edit
 * by edit (`DocumentSyntax`: incremental reparses, statement copies reused),
 * and the analysis of the latest version, computed at most once per version
 * and only when asked for.
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

export interface DocumentState {
  doc: TextDocument;
  syntax: DocumentSyntax;
  analysis?: { version: number; settingsKey: string; result: Analysis };
  /** The analysis of the latest version that did not fail, answered (stale) for a version that did. */
  lastGood?: Analysis;
}

export class DocumentStore {
  private readonly docs = new Map<string, DocumentState>();
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
        for (const [u, state] of this.docs) {
          if (this.pathOf(u) === path) return { text: state.doc.getText(), version: `open:${state.doc.version}` };
        }
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
      if (u === uri || !state.analysis) continue;
      const imports = state.analysis.result.interpretation.imports;
      if (path ? imports.includes(path) : true) {
        state.analysis = undefined;
        dropped.push(u);
      }
    }
    return dropped;
  }

  get(uri: string): DocumentState | undefined {
    return this.docs.get(uri);
  }

  open(uri: string, languageId: string, version: number, text: string): DocumentState {
    this.close(uri);
    const state: DocumentState = {
      doc: TextDocument.create(uri, languageId, version, text),
      syntax: new DocumentSyntax(this.parser, text),
    };
    this.docs.set(uri, state);
    return state;
  }

  /** Applies edits to the text and to its syntax. */
  change(uri: string, version: number, changes: TextDocumentContentChangeEvent[]): DocumentState | undefined {
    const state = this.docs.get(uri);
    if (!state) return undefined;
    for (const change of changes) {
      if ('range' in change) {
        const start = state.doc.offsetAt(change.range.start);
        const oldEnd = state.doc.offsetAt(change.range.end);
        TextDocument.update(state.doc, [change], version);
        state.syntax.edit(start, oldEnd, change.text);
      } else {
        TextDocument.update(state.doc, [change], version);
        state.syntax.dispose();
        state.syntax = new DocumentSyntax(this.parser, change.text);
      }
    }
    state.doc = TextDocument.update(state.doc, [], version);
    state.analysis = undefined;
    return state;
  }

  close(uri: string): void {
    const state = this.docs.get(uri);
    if (!state) return;
    state.syntax.dispose();
    this.docs.delete(uri);
  }

  /** The analysis of the document's current version, computed now if needed. */
  analysis(uri: string, settings: AnalysisSettings): Analysis | undefined {
    const state = this.docs.get(uri);
    if (!state) return undefined;
    const key = settings.imageDataFormat;
    if (state.analysis && state.analysis.version === state.doc.version && state.analysis.settingsKey === key)
      return state.analysis.result;
    const { syntax } = state;
    let result: Analysis;
    try {
      result = analyzeModule(syntax.module(), syntax.source, syntax.lines, {
        ...settings,
        workspace: this.workspaceOf(uri),
      });
    } catch (e) {
      // Faults stay local: the next version starts from a fresh parse, and this one keeps the last
      // good answers (stale) rather than none.
      state.syntax.dispose();
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
