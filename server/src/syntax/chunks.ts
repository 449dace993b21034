/**
 * The syntax of an open document, kept up to date edit by edit.
 *
 * Tree-sitter's incremental reparse of a whole file still costs time in
 * proportion to the number of top-level statements (it rebuilds the module
 * node), so a large flat model file would pay that on every keystroke. A
 * document is therefore kept as chunks — groups of top-level statements that
 * share lines — each with its own small tree:
 *
 * - an edit inside one chunk edits that chunk's tree (`tree.edit`) and
 *   reparses only it, incrementally; if the chunk still parses cleanly as
 *   complete top-level statements ending where it ends, it is accepted and
 *   only that chunk is copied again;
 * - anything else (an edit between chunks or across them, a chunk that no
 *   longer parses cleanly) reparses the whole file incrementally from the
 *   document tree, which receives every edit, and splits it into chunks again.
 *
 * Parsing never fails either way: broken code gives trees with error nodes.
 */

import type { Edit, Tree } from 'web-tree-sitter';
import { lineStartsOf, ownCopy, PyNode, rowOf } from './ast';
import { AstCache, copyStatements, type Statement } from './treeCopy';
import type { PythonParser } from './parser';

interface Chunk {
  /** Offsets of the chunk in the document. */
  start: number;
  end: number;
  /** Its statements, copied, each with the row it starts on counted from the chunk's first line. */
  nodes: Statement[];
  /** Its own tree, made on the first edit inside it. */
  tree?: Tree;
}

/** Counts of how edits were handled (for benchmarks and tests). */
export interface SyntaxStats {
  chunkReparses: number;
  fullReparses: number;
}

export class DocumentSyntax {
  private text: string;
  private lineStarts: number[];
  private readonly tree: { current: Tree };
  /** True when the document tree has edits it was not reparsed for yet. */
  private treeBehind = false;
  /**
   * True while the document has no syntax error. Only then is a chunk reparsed
   * alone: around broken code, statement boundaries can move (an `else:` that
   * stood alone may join the `if` an edit just wrote).
   */
  private clean = false;
  private chunks: Chunk[] = [];
  private readonly cache = new AstCache();
  readonly stats: SyntaxStats = { chunkReparses: 0, fullReparses: 0 };

  constructor(
    private readonly parser: PythonParser,
    text: string,
  ) {
    this.text = text;
    this.lineStarts = lineStartsOf(text);
    this.tree = { current: parser.parse(text) };
    this.rechunk();
  }

  get source(): string {
    return this.text;
  }

  get lines(): number[] {
    return this.lineStarts;
  }

  /** Applies one edit: the text between `start` and `oldEnd` becomes `inserted`. */
  edit(start: number, oldEnd: number, inserted: string): void {
    const oldText = this.text;
    const next = oldText.slice(0, start) + inserted + oldText.slice(oldEnd);
    const nextLines = lineStartsOf(next);
    this.tree.current.edit(editOf(start, oldEnd, start + inserted.length, this.lineStarts, nextLines));
    this.treeBehind = true;
    this.text = next;
    this.lineStarts = nextLines;
    const k = this.clean ? this.chunks.findIndex((c) => c.start <= start && oldEnd <= c.end) : -1;
    if (k < 0 || !this.reparseChunk(k, start, oldEnd, inserted, oldText)) this.reparseAll();
  }

  /** The module: every chunk's statements, rows anchored to where the chunk now starts. */
  module(): PyNode {
    const lastRow = this.lineStarts.length - 1;
    const module = new PyNode(
      'module',
      true,
      '',
      { row: 0 },
      0,
      0,
      lastRow,
      this.text.length - this.lineStarts[lastRow],
    );
    let row = 0;
    for (const c of this.chunks) {
      while (row < lastRow && this.lineStarts[row + 1] <= c.start) row++;
      for (const { node, rowOffset } of c.nodes) {
        node.setAnchorRow(row + rowOffset);
        module.addChild(node, null);
        if (node.hasError) module.hasError = true;
      }
    }
    return module;
  }

  dispose(): void {
    this.tree.current.delete();
    for (const c of this.chunks) c.tree?.delete();
    this.chunks = [];
  }

  private reparseChunk(k: number, start: number, oldEnd: number, inserted: string, oldText: string): boolean {
    const c = this.chunks[k];
    const delta = inserted.length - (oldEnd - start);
    // Own copies: a tree keeps its text, and a slice would keep the whole document of this version alive.
    const oldChunkText = ownCopy(oldText.slice(c.start, c.end));
    const chunkText = ownCopy(this.text.slice(c.start, c.end + delta));
    let tree = c.tree ?? this.parser.parse(oldChunkText);
    tree.edit(
      editOf(
        start - c.start,
        oldEnd - c.start,
        start - c.start + inserted.length,
        lineStartsOf(oldChunkText),
        lineStartsOf(chunkText),
      ),
    );
    const reparsed = this.parser.parse(chunkText, tree);
    tree.delete();
    tree = reparsed;
    const root = tree.rootNode;
    // Accept only complete statements from the chunk's first character to its last.
    const clean =
      !root.hasError &&
      root.childCount > 0 &&
      root.firstChild!.startIndex === 0 &&
      root.lastChild!.endIndex === chunkText.length;
    if (!clean) {
      tree.delete();
      c.tree = undefined;
      return false;
    }
    this.stats.chunkReparses++;
    c.tree = tree;
    c.end += delta;
    c.nodes = copyStatements(tree, chunkText);
    for (let i = k + 1; i < this.chunks.length; i++) {
      this.chunks[i].start += delta;
      this.chunks[i].end += delta;
    }
    return true;
  }

  private reparseAll(): void {
    this.stats.fullReparses++;
    const old = this.tree.current;
    this.tree.current = this.parser.parse(this.text, this.treeBehind ? old : undefined);
    old.delete();
    this.treeBehind = false;
    this.rechunk();
  }

  /** Splits the document tree's statements into chunks (statements sharing a line go together). */
  private rechunk(): void {
    for (const c of this.chunks) c.tree?.delete();
    this.clean = !this.tree.current.rootNode.hasError;
    const module = this.cache.build(this.tree.current, this.text, this.lineStarts);
    const ranges = this.cache.lastRanges;
    const chunks: Chunk[] = [];
    let chunkRow = 0;
    module.children.forEach((node, i) => {
      const [start, end] = ranges[i];
      const row = node.startPosition.row;
      const prev = chunks[chunks.length - 1];
      if (prev && this.text.slice(prev.end, start).indexOf('\n') < 0) {
        prev.end = end;
        prev.nodes.push({ node, rowOffset: row - chunkRow });
      } else {
        chunkRow = row;
        chunks.push({ start, end, nodes: [{ node, rowOffset: 0 }] });
      }
    });
    this.chunks = chunks;
  }
}

/** A tree-sitter edit from offsets, with rows and columns from the line starts before and after. */
function editOf(start: number, oldEnd: number, newEnd: number, before: number[], after: number[]): Edit {
  const point = (lines: number[], index: number) => {
    const row = rowOf(lines, index);
    return { row, column: index - lines[row] };
  };
  return {
    startIndex: start,
    oldEndIndex: oldEnd,
    newEndIndex: newEnd,
    startPosition: point(before, start),
    oldEndPosition: point(before, oldEnd),
    newEndPosition: point(after, newEnd),
  };
}
