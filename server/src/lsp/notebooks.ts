/**
 * Jupyter notebooks over LSP 3.17 notebook document sync: the notebook's
 * Python code cells, in order, are one program (`analysis/notebook.ts` reads
 * each as IPython does); its hints, hovers, diagnostics and quick fixes are
 * computed on that program and put back in the cell and line they belong to.
 * The server answers a request on a cell document through `owns`/the feature
 * methods here; everything else in the server stays about plain documents.
 *
 * The program is kept edit by edit as a text document's is (`documents.ts`):
 * an edit of a cell is an edit of the program's text, so the syntax layer
 * reparses and copies only the statements it touches (the program is then
 * run from the top: runs made ahead are for text documents only).
 *
 * Faults stay local as for text documents (`documents.ts`): a notebook whose
 * code is past `MAX_DOCUMENT_BYTES` is not parsed, with one note on its first
 * code cell; an analysis that fails serves the last good one, marked stale (a
 * note, hint tooltips, a line in the hover, no quick fixes), or none with a note.
 */

import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  NotebookCellKind,
  NotebookDocuments,
  type CodeAction,
  type Connection,
  type Diagnostic,
  type Hover,
  type InlayHint,
  type NotebookDocument,
  type NotebookDocumentSyncOptions,
  type Position,
  type Range,
} from 'vscode-languageserver/node';
import {
  analyzeModule,
  codeActions,
  diagnostics,
  hover,
  inlayHints,
  MAX_DOCUMENT_BYTES,
  noteFinding,
  staleHintTooltip,
  type Analysis,
  type AnalysisSettings,
  type DiagnosticSettings,
  type DocumentNote,
  type Finding,
  type HintSettings,
  type Locale,
} from '../analysis';
import { cellPosition, notebookProgram, type NotebookCell, type NotebookProgram } from '../analysis/notebook';
import { DocumentSyntax } from '../syntax/chunks';
import type { PythonParser } from '../syntax/parser';
import { toCodeAction, toDiagnostic, toHover, toInlayHint } from './convert';
import { editBetween, oversize } from './documents';

/** The notebooks the server reads: Jupyter's, their Python cells. */
export const NOTEBOOK_SYNC: NotebookDocumentSyncOptions = {
  notebookSelector: [{ notebook: { notebookType: 'jupyter-notebook' }, cells: [{ language: 'python' }] }],
};

/** What the server's settings say, read when a feature runs. */
export interface NotebookContext {
  analysisSettings(): AnalysisSettings;
  diagnosticSettings(): DiagnosticSettings;
  hintSettings(): HintSettings | null;
  imageDataFormat(): AnalysisSettings['imageDataFormat'];
  locale(): Locale;
  /** The warnings the user turned off (`analysis-stopped` among them hides the notes). */
  disabledWarnings(): readonly string[];
  /** Runs a feature, logging a failure and answering `fallback`. */
  guard<T>(what: string, fallback: T, f: () => T): T;
}

/** An analysis of a notebook's program, and how its lines map to the cells it was made of. */
interface Analysed {
  program: NotebookProgram;
  analysis: Analysis;
  /** Cell document URI per cell index of the program's cells. */
  uris: string[];
  /** The program line where each cell starts, by cell index. */
  starts: Map<number, number>;
  /** The notebook's version it was made for. */
  version: number;
}

/** What is answered for a notebook's current cells: an analysis (its own, or the last good one), and why not its own. */
interface Served {
  key: string;
  /** The code cells now, for a note when there is no analysis. */
  uris: string[];
  a?: Analysed;
  note?: DocumentNote;
}

const DIAGNOSTICS_DELAY_MS = 150;

export class NotebookStore {
  private readonly notebooks = new NotebookDocuments(TextDocument);
  private readonly analysed = new Map<string, Served>();
  /** The analysis of the latest version that did not fail, answered (stale) for one that did. */
  private readonly lastGood = new Map<string, Analysed>();
  /** Counts every change of a notebook (cells, text), so an analysis knows it is current. */
  private readonly changes = new Map<string, number>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  /** Cell URIs that were last published with diagnostics, per notebook. */
  private readonly published = new Map<string, Set<string>>();
  /** Per open notebook, its program's syntax kept edit by edit. */
  private readonly programs = new Map<string, { syntax?: DocumentSyntax }>();
  /** Counters for `shapeLens/stats`: analyses of notebooks, and the statements their syntax copied. */
  readonly stats = { analyses: 0, copied: 0 };

  constructor(
    private readonly connection: Connection,
    private readonly parser: PythonParser,
    private readonly cx: NotebookContext,
  ) {
    this.notebooks.listen(connection);
    this.notebooks.onDidOpen((nb) => this.changed(nb.uri));
    this.notebooks.onDidChange((e) => this.changed(e.notebookDocument.uri));
    this.notebooks.onDidClose((nb) => this.closed(nb));
  }

  /** Whether `uri` is a cell of an open notebook. */
  owns(uri: string): boolean {
    return this.notebooks.findNotebookDocumentForCell(uri) !== undefined;
  }

  /** Settings changed: analyse every notebook again and republish. */
  invalidateAll(): void {
    this.analysed.clear();
    for (const uri of this.changes.keys()) this.schedule(uri);
  }

  inlayHints(uri: string, range: Range): InlayHint[] {
    const settings = this.cx.hintSettings();
    const at = this.cellOf(uri);
    if (!settings || !at) return [];
    const { a, cell, stale } = at;
    const start = a.starts.get(cell);
    if (start === undefined) return [];
    // Stale hints keep the places of an older text: none past the end of the cell now.
    const lineCount = stale ? (this.notebooks.cellTextDocuments.get(uri)?.lineCount ?? 0) : Infinity;
    const tooltip = stale && staleHintTooltip(stale.version, this.cx.locale());
    return inlayHints(
      a.analysis,
      { startLine: start + range.start.line, endLine: start + range.end.line },
      settings,
    ).flatMap((h) => {
      const p = cellPosition(a.program, h.line, h.character);
      if (!p || p.cell !== cell || p.line >= lineCount) return [];
      const hint = toInlayHint({ ...h, line: p.line, character: p.column });
      return [tooltip ? { ...hint, tooltip } : hint];
    });
  }

  hover(uri: string, position: Position): Hover | null {
    const at = this.cellOf(uri);
    const p = at && this.toProgram(at.a, at.cell, position);
    if (!at || !p) return null;
    const info = hover(at.a.analysis, p.line, p.character, this.cx.imageDataFormat(), this.cx.locale());
    const span = info && this.toCellRange(at.a, at.cell, info.span);
    if (!info || !span) return null;
    const h = toHover({
      ...info,
      span: {
        startLine: span.start.line,
        startCol: span.start.character,
        endLine: span.end.line,
        endCol: span.end.character,
      },
    });
    if (at.stale && typeof h.contents === 'object' && 'value' in h.contents)
      h.contents.value += `\n\n---\n_${staleHintTooltip(at.stale.version, this.cx.locale())}_`;
    return h;
  }

  codeActions(uri: string, range: Range): CodeAction[] {
    const at = this.cellOf(uri);
    // A stale analysis's edits are placed in an older text: none is offered.
    if (!at || at.stale) return [];
    const start = this.toProgram(at.a, at.cell, range.start);
    const end = this.toProgram(at.a, at.cell, range.end);
    if (!start || !end) return [];
    const span = { startLine: start.line, startCol: start.character, endLine: end.line, endCol: end.character };
    return codeActions(at.a.analysis, span, this.cx.diagnosticSettings()).flatMap((fix) => {
      const diagnostic = this.toCellFinding(at.a, fix.diagnostic);
      const edits = fix.edits.map((e) => ({ ...e, range: this.toCellRange(at.a, at.cell, e.span) }));
      // A fix is offered on the cell it edits; one whose edits reach other cells is left out.
      if (!diagnostic || diagnostic.cell !== at.cell || edits.some((e) => !e.range)) return [];
      return [
        toCodeAction(
          {
            ...fix,
            diagnostic: diagnostic.finding,
            edits: edits.map((e) => ({
              span: {
                startLine: e.range!.start.line,
                startCol: e.range!.start.character,
                endLine: e.range!.end.line,
                endCol: e.range!.end.character,
              },
              newText: e.newText,
            })),
          },
          uri,
        ),
      ];
    });
  }

  private changed(notebookUri: string): void {
    this.changes.set(notebookUri, (this.changes.get(notebookUri) ?? 0) + 1);
    this.schedule(notebookUri);
  }

  private closed(nb: NotebookDocument): void {
    clearTimeout(this.timers.get(nb.uri));
    this.timers.delete(nb.uri);
    this.analysed.delete(nb.uri);
    this.lastGood.delete(nb.uri);
    this.changes.delete(nb.uri);
    this.dropProgram(nb.uri);
    for (const uri of this.published.get(nb.uri) ?? []) void this.connection.sendDiagnostics({ uri, diagnostics: [] });
    this.published.delete(nb.uri);
  }

  private schedule(notebookUri: string): void {
    clearTimeout(this.timers.get(notebookUri));
    this.timers.set(
      notebookUri,
      setTimeout(() => {
        this.timers.delete(notebookUri);
        this.cx.guard('notebook diagnostics', undefined, () => this.publish(notebookUri));
      }, DIAGNOSTICS_DELAY_MS),
    );
  }

  /** Diagnostics of every code cell (an empty list for a cell that has none, or no longer has any). */
  private publish(notebookUri: string): void {
    const served = this.served(notebookUri);
    if (!served) return;
    const perCell = new Map<string, Diagnostic[]>();
    for (const uri of served.uris) perCell.set(uri, []);
    const a = served.a;
    if (served.note && !this.cx.disabledWarnings().includes('analysis-stopped') && served.uris.length > 0)
      perCell.get(served.uris[0])!.push(toDiagnostic(noteFinding(served.note, this.cx.locale())));
    for (const f of a ? diagnostics(a.analysis, this.cx.diagnosticSettings()) : []) {
      const placed = this.toCellFinding(a!, f);
      if (!placed) continue;
      const uri = a!.uris[placed.cell];
      // Stale findings keep the places of an older text: none past the end of the cell now.
      const cell = this.notebooks.cellTextDocuments.get(uri);
      if (served.note && (!cell || placed.finding.endLine > cell.lineCount)) continue;
      perCell.get(uri)?.push(toDiagnostic(placed.finding));
    }
    for (const uri of this.published.get(notebookUri) ?? []) if (!perCell.has(uri)) perCell.set(uri, []);
    for (const [uri, list] of perCell) {
      const version = this.notebooks.cellTextDocuments.get(uri)?.version;
      void this.connection.sendDiagnostics({ uri, ...(version !== undefined ? { version } : {}), diagnostics: list });
    }
    this.published.set(notebookUri, new Set([...served.uris, ...(a?.uris ?? [])]));
  }

  /** The cell's analysis and its index there; `stale` when the analysis is of an earlier version. */
  private cellOf(
    uri: string,
  ): { a: Analysed; cell: number; stale?: Extract<DocumentNote, { kind: 'stale' }> } | undefined {
    const nb = this.notebooks.findNotebookDocumentForCell(uri);
    const served = nb && this.served(nb.uri);
    const a = served?.a;
    const cell = a ? a.uris.indexOf(uri) : -1;
    if (!a || cell < 0) return undefined;
    return { a, cell, stale: served.note?.kind === 'stale' ? served.note : undefined };
  }

  /** What is answered for the notebook's current cells, computed now if needed. */
  private served(notebookUri: string): Served | undefined {
    const nb = this.notebooks.getNotebookDocument(notebookUri);
    if (!nb) return undefined;
    const settings = this.cx.analysisSettings();
    const key = `${this.changes.get(notebookUri) ?? 0}\u0000${settings.imageDataFormat}`;
    const cached = this.analysed.get(notebookUri);
    if (cached?.key === key) return cached;
    const uris: string[] = [];
    const codeUris: string[] = [];
    const cells: NotebookCell[] = nb.cells.map((c) => {
      uris.push(c.document);
      const doc = this.notebooks.cellTextDocuments.get(c.document);
      const code = c.kind === NotebookCellKind.Code && doc !== undefined && doc.languageId === 'python';
      if (code) codeUris.push(c.document);
      return { kind: code ? 'code' : 'markdown', source: doc?.getText() ?? '' };
    });
    const served: Served = { key, uris: codeUris, ...this.compute(nb, cells, uris, settings) };
    this.analysed.set(notebookUri, served);
    return served;
  }

  private compute(
    nb: NotebookDocument,
    cells: NotebookCell[],
    uris: string[],
    settings: AnalysisSettings,
  ): Pick<Served, 'a' | 'note'> {
    // The program is the code cells and a line or two between them: past the limit when its code is.
    const bytes = oversize(
      cells
        .filter((c) => c.kind === 'code')
        .map((c) => c.source)
        .join('\n'),
    );
    if (bytes !== undefined) return { note: { kind: 'too-large', bytes, limit: MAX_DOCUMENT_BYTES } };
    try {
      const program = notebookProgram(cells);
      const starts = new Map<number, number>();
      program.lines.forEach((l, i) => {
        if (!starts.has(l.cell)) starts.set(l.cell, i);
      });
      const analysis = this.analyseProgram(nb.uri, program.text, settings);
      const a: Analysed = { program, analysis, uris, starts, version: nb.version };
      this.lastGood.set(nb.uri, a);
      return { a };
    } catch (e) {
      // The next change parses the program afresh and runs it from the top.
      this.dropProgram(nb.uri);
      const good = this.lastGood.get(nb.uri);
      process.stderr.write(
        `shape-lens: analysis of ${nb.uri} v${nb.version} failed${good ? ', last good answers kept' : ''}: ${e}\n`,
      );
      return good ? { a: good, note: { kind: 'stale', version: good.version } } : { note: { kind: 'failed' } };
    }
  }

  /** The analysis of the notebook's program `text`: its kept syntax brought up to date by the one edit between them. */
  private analyseProgram(notebookUri: string, text: string, settings: AnalysisSettings): Analysis {
    let state = this.programs.get(notebookUri);
    if (!state) this.programs.set(notebookUri, (state = {}));
    this.stats.analyses++;
    if (state.syntax && state.syntax.source !== text) {
      const { start, oldEnd, inserted } = editBetween(state.syntax.source, text);
      const copied = state.syntax.stats.copied;
      state.syntax.edit(start, oldEnd, inserted);
      this.stats.copied += state.syntax.stats.copied - copied;
    }
    if (!state.syntax) {
      state.syntax = new DocumentSyntax(this.parser, text);
      this.stats.copied += state.syntax.stats.copied;
    }
    const syntax = state.syntax;
    return analyzeModule(syntax.module(), syntax.source, syntax.lines, settings);
  }

  private dropProgram(notebookUri: string): void {
    try {
      this.programs.get(notebookUri)?.syntax?.dispose();
    } catch {
      // Its trees live in the memory that failed: dropped either way.
    }
    this.programs.delete(notebookUri);
  }

  /** A cell position (0-based) in the program. */
  private toProgram(a: Analysed, cell: number, p: Position): Position | undefined {
    const start = a.starts.get(cell);
    if (start === undefined) return undefined;
    const line = start + p.line;
    const at = a.program.lines[line];
    if (!at || at.cell !== cell) return undefined;
    return { line, character: Math.max(0, p.character - at.shift) };
  }

  /** A 0-based program span in the cell, if it lies in that cell. */
  private toCellRange(
    a: Analysed,
    cell: number,
    s: { startLine: number; startCol: number; endLine: number; endCol: number },
  ): Range | undefined {
    const start = cellPosition(a.program, s.startLine, s.startCol);
    const end = cellPosition(a.program, s.endLine, s.endCol);
    if (!start || !end || start.cell !== cell || end.cell !== cell) return undefined;
    return { start: { line: start.line, character: start.column }, end: { line: end.line, character: end.column } };
  }

  /** A finding (1-based program lines) in its cell; a span running into a later cell ends with its first line. */
  private toCellFinding(a: Analysed, f: Finding): { cell: number; finding: Finding } | undefined {
    const start = cellPosition(a.program, f.line - 1, f.column - 1);
    if (!start) return undefined;
    let end = cellPosition(a.program, f.endLine - 1, f.endColumn - 1);
    if (!end || end.cell !== start.cell) {
      const text = this.notebooks.cellTextDocuments.get(a.uris[start.cell]);
      const lineText = text?.getText({
        start: { line: start.line, character: 0 },
        end: { line: start.line + 1, character: 0 },
      });
      end = { cell: start.cell, line: start.line, column: (lineText ?? '').replace(/\r?\n$/, '').length };
    }
    return {
      cell: start.cell,
      finding: {
        ...f,
        line: start.line + 1,
        column: start.column + 1,
        endLine: end.line + 1,
        endColumn: end.column + 1,
      },
    };
  }
}
