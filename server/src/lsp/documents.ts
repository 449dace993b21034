/**
 * Open documents: text (incremental sync), the tree-sitter tree kept up to
 * date with `tree.edit` so each parse is incremental, the statement copies
 * reused across versions, and the analysis of the latest version (computed
 * at most once per version, only when asked for).
 */

import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextDocumentContentChangeEvent } from 'vscode-languageserver/node';
import { analyzeTree, type Analysis, type AnalysisSettings } from '../analysis';
import { AstCache } from '../syntax/ast';
import type { PythonParser, Tree } from '../syntax/parser';

export interface DocumentState {
  doc: TextDocument;
  tree: Tree;
  cache: AstCache;
  analysis?: { version: number; settingsKey: string; result: Analysis };
}

export class DocumentStore {
  private readonly docs = new Map<string, DocumentState>();

  constructor(private readonly parser: PythonParser) {}

  get(uri: string): DocumentState | undefined {
    return this.docs.get(uri);
  }

  open(uri: string, languageId: string, version: number, text: string): DocumentState {
    this.close(uri);
    const state: DocumentState = { doc: TextDocument.create(uri, languageId, version, text), tree: this.parser.parse(text), cache: new AstCache() };
    this.docs.set(uri, state);
    return state;
  }

  /** Applies edits to the text and to the tree, then reparses incrementally. */
  change(uri: string, version: number, changes: TextDocumentContentChangeEvent[]): DocumentState | undefined {
    const state = this.docs.get(uri);
    if (!state) return undefined;
    let doc = state.doc;
    for (const change of changes) {
      if ('range' in change) {
        const start = doc.offsetAt(change.range.start);
        const oldEnd = doc.offsetAt(change.range.end);
        const startPosition = doc.positionAt(start);
        const oldEndPosition = doc.positionAt(oldEnd);
        doc = TextDocument.update(doc, [change], doc.version);
        const newEnd = start + change.text.length;
        const newEndPosition = doc.positionAt(newEnd);
        state.tree.edit({
          startIndex: start,
          oldEndIndex: oldEnd,
          newEndIndex: newEnd,
          startPosition: { row: startPosition.line, column: startPosition.character },
          oldEndPosition: { row: oldEndPosition.line, column: oldEndPosition.character },
          newEndPosition: { row: newEndPosition.line, column: newEndPosition.character },
        });
      } else {
        doc = TextDocument.update(doc, [change], doc.version);
        state.tree.delete();
        state.tree = this.parser.parse(doc.getText());
      }
    }
    state.doc = TextDocument.update(doc, [], version);
    const old = state.tree;
    state.tree = this.parser.parse(state.doc.getText(), old);
    old.delete();
    state.analysis = undefined;
    return state;
  }

  close(uri: string): void {
    const state = this.docs.get(uri);
    if (!state) return;
    state.tree.delete();
    this.docs.delete(uri);
  }

  /** The analysis of the document's current version, computed now if needed. */
  analysis(uri: string, settings: AnalysisSettings): Analysis | undefined {
    const state = this.docs.get(uri);
    if (!state) return undefined;
    const key = settings.imageDataFormat;
    if (state.analysis && state.analysis.version === state.doc.version && state.analysis.settingsKey === key) return state.analysis.result;
    const result = analyzeTree(state.tree, state.doc.getText(), state.cache, settings);
    state.analysis = { version: state.doc.version, settingsKey: key, result };
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
