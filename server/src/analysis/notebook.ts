/**
 * A Jupyter notebook as one Python program: its code cells in order, each
 * read as IPython reads it (`ipythonSyntax.ts`), markdown and raw cells left
 * out, with a map from each line of the program back to its cell. Re-running
 * cells out of order is not modelled: document order is the program.
 *
 * Pure (no `fs`): the CLI hands it a file's text, the language server the
 * cells of an open notebook document. The API:
 *
 *   readNotebook(json)        nbformat 4 JSON -> cells (throws NotebookFormatError)
 *   notebookProgram(cells)    cells -> { text, lines } (the program and its line map)
 *   cellPosition(p, l, c)     a 0-based program position -> its cell, line and column
 *
 * Every code cell gives exactly as many program lines as it has lines; a line
 * that does not run as Python (a `%%bash` cell, the `%%capture` line itself)
 * is an empty line of the program, so positions map back one to one.
 */

import { parseTree, type Node as JsonNode } from 'jsonc-parser';
import { transformCell } from './ipythonSyntax';

export type CellKind = 'code' | 'markdown' | 'raw';

export interface NotebookCell {
  kind: CellKind;
  source: string;
  /**
   * Where each line of `source` is written in the notebook file (0-based line
   * of the `.ipynb` text), when the cells were read from one: SARIF and other
   * file-based reports point there.
   */
  fileLines?: number[];
}

/** Where a program line comes from. */
export interface ProgramLine {
  /** Index of the cell in the notebook (markdown and raw cells counted). */
  cell: number;
  /** 0-based line in the cell. */
  line: number;
  /** Cell column = program column + shift (IPython's dedent and prompt stripping). */
  shift: number;
}

export interface NotebookProgram {
  /** The Python that runs, lines joined by `\n`. */
  text: string;
  /** One entry per line of `text`. */
  lines: ProgramLine[];
  cells: NotebookCell[];
}

export class NotebookFormatError extends Error {}

/** The cells of an nbformat 4 notebook (`.ipynb` JSON). */
export function readNotebook(json: string): NotebookCell[] {
  let nb: unknown;
  try {
    nb = JSON.parse(json);
  } catch (e) {
    throw new NotebookFormatError(`not a notebook: invalid JSON (${(e as Error).message})`);
  }
  if (typeof nb !== 'object' || nb === null || Array.isArray(nb)) {
    throw new NotebookFormatError('not a notebook: the JSON is not an object');
  }
  const { nbformat, cells, metadata } = nb as { nbformat?: unknown; cells?: unknown; metadata?: unknown };
  if (nbformat !== 4) {
    throw new NotebookFormatError(
      typeof nbformat === 'number'
        ? `nbformat ${nbformat} notebook: only nbformat 4 is read (jupyter nbconvert --to notebook upgrades it)`
        : 'not a notebook: no "nbformat" field',
    );
  }
  const language = notebookLanguage(metadata);
  if (language !== undefined && language.toLowerCase() !== 'python') {
    throw new NotebookFormatError(`a ${language} notebook, not a Python one`);
  }
  if (!Array.isArray(cells)) throw new NotebookFormatError('not a notebook: no "cells" list');
  const positions = sourcePositions(json);
  return cells.map((c, i) => {
    const cell = (c ?? {}) as { cell_type?: unknown; source?: unknown };
    const kind: CellKind = cell.cell_type === 'code' || cell.cell_type === 'markdown' ? cell.cell_type : 'raw';
    const source = Array.isArray(cell.source)
      ? cell.source.filter((s) => typeof s === 'string').join('')
      : typeof cell.source === 'string'
        ? cell.source
        : '';
    return { kind, source, fileLines: positions[i] };
  });
}

function notebookLanguage(metadata: unknown): string | undefined {
  const m = (metadata ?? {}) as { kernelspec?: { language?: unknown }; language_info?: { name?: unknown } };
  const name = m.language_info?.name ?? m.kernelspec?.language;
  return typeof name === 'string' ? name : undefined;
}

/**
 * For each cell, the file line of each of its source lines: an array source
 * holds one string per line (as Jupyter writes it); a single string puts all
 * its lines on the line where it starts.
 */
function sourcePositions(json: string): Array<number[] | undefined> {
  const root = parseTree(json);
  const cells = root?.children?.find((p) => p.children?.[0]?.value === 'cells')?.children?.[1];
  if (!cells?.children) return [];
  const lineStarts = [0];
  for (let i = json.indexOf('\n'); i !== -1; i = json.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  const lineOf = (offset: number) => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  return cells.children.map((cell) => {
    const source = cell.children?.find((p) => p.children?.[0]?.value === 'source')?.children?.[1];
    if (!source) return undefined;
    const pieces: JsonNode[] = source.type === 'array' ? (source.children ?? []) : [source];
    const lines: number[] = [];
    for (const piece of pieces) {
      if (typeof piece.value !== 'string') continue;
      const count = piece.value.split(/\r\n|\r|\n/).length - (/(\r\n|\r|\n)$/.test(piece.value) ? 1 : 0);
      for (let k = 0; k < Math.max(count, 1); k++) lines.push(lineOf(piece.offset));
    }
    return lines;
  });
}

/** The program the notebook's code cells make, in order. */
export function notebookProgram(cells: NotebookCell[]): NotebookProgram {
  const text: string[] = [];
  const lines: ProgramLine[] = [];
  cells.forEach((cell, index) => {
    if (cell.kind !== 'code') return;
    transformCell(cell.source, { runMagicBodies: true }).forEach((l, line) => {
      text.push(l.kept ? l.text : '');
      lines.push({ cell: index, line, shift: l.shift });
    });
  });
  return { text: text.join('\n'), lines, cells };
}

export interface CellPosition {
  cell: number;
  /** 0-based. */
  line: number;
  /** 0-based. */
  column: number;
}

/** Where a 0-based program position is in the notebook. */
export function cellPosition(program: NotebookProgram, line: number, column: number): CellPosition | undefined {
  const at = program.lines[line];
  return at && { cell: at.cell, line: at.line, column: column + at.shift };
}
