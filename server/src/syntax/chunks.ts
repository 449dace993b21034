/**
 * The syntax of an open document, kept up to date edit by edit.
 *
 * Tree-sitter's incremental reparse of a whole file still costs time in
 * proportion to the number of top-level statements (it rebuilds the module
 * node), so a large flat model file would pay that on every keystroke. An edit
 * is therefore reparsed in a window: the lines of the statements it touches,
 * with one more statement on each side (new text may join them: an `else:`,
 * an indented line) and guard statements beyond, parsed on their own, then
 * incrementally (`tree.edit` + `parse(text, oldTree)`) while the edits stay in
 * the same window and the text stays valid. The window is accepted when it
 * starts and ends on line boundaries between top-level statements, its two
 * outermost guards on each side come back exactly as they were (same offsets,
 * same type, no syntax error), and no statement within eight of it holds an
 * error: tree-sitter parses a top-level statement from the same state wherever
 * the file starts, so what lies between the guards is what a parse of the
 * whole text gives there. Error recovery can depend on text far after the
 * error (where the text ends, for a string never closed), so a window with an
 * error is parsed again 32 statements longer and must give the same statements.
 * Recovery that reaches a guard (an unclosed bracket swallows the statements
 * after it) makes the window grow, then run to the end of the document; past
 * that the whole document is reparsed, incrementally from the document tree
 * (which receives every edit) when it is likely valid, afresh when it is
 * broken (recovery from an old tree can go another way than from scratch).
 *
 * Either way only statements that changed are copied: a statement of the new
 * parse with the offsets (moved by the edit), column and type of an earlier
 * one, both without syntax error, keeps the earlier copy, its rows moved; one
 * that a parse dropped (swallowed by an unclosed bracket) is kept by text for
 * when it comes back. `test/syntax/chunks.test.ts` holds the result to a fresh
 * parse and copy of the whole text, node by node, broken states included.
 *
 * Parsing never fails either way: broken code gives trees with error nodes.
 */

import type { Tree } from 'web-tree-sitter';
import { dumpTree, lineStartsOf, ownCopy, PyNode, rowOf } from './ast';
import { editOf, firstIndex, Moved, movedLineStarts, reuseAt, startsLine, Stash, stashKey } from './edits';
import { copyStatements, type Statement } from './treeCopy';
import type { PythonParser } from './parser';

/** Counts of how edits were handled and how many statements were copied (for benchmarks and tests). */
export interface SyntaxStats {
  windowReparses: number;
  fullReparses: number;
  copied: number;
}

/**
 * Guard statements before and after the edited ones, tried in turn until the window's parse gives them
 * back; `Infinity` after: the window runs to the end of the document (an unclosed bracket or string
 * swallows every statement after it, and the parse of the rest of the file is what a whole parse gives).
 */
const GUARDS: ReadonlyArray<readonly [number, number]> = [
  [2, 2],
  [8, 8],
  [8, Infinity],
  [128, Infinity],
];
/** How many of the outermost guards on each side must come back unchanged. */
const KEPT_GUARDS = 2;
/** How many statements further a window with an error is parsed again, to see it give the same. */
const CHECK_FURTHER = 32;
/** How many statements on each side of a window must be without syntax error. */
const CLEAN_AROUND = 8;

/** The tree of the last window and where it lies in the document. */
interface Window {
  tree: Tree;
  start: number;
  end: number;
}

export class DocumentSyntax {
  private text: string;
  private lineStarts: number[];
  private tree: Tree;
  /** The module's children, in order, with offsets in the current text. */
  private statements: Statement[];
  private window: Window | undefined;
  /** Whether a window of the current edit had a syntax error. */
  private windowBroken = false;
  /** Copies of statements without error that a whole reparse dropped, by type, column and text. */
  private readonly stash = new Stash();
  readonly stats: SyntaxStats = { windowReparses: 0, fullReparses: 0, copied: 0 };

  constructor(
    private readonly parser: PythonParser,
    text: string,
  ) {
    this.text = text;
    this.lineStarts = lineStartsOf(text);
    this.tree = parser.parse(text);
    this.statements = copyStatements(this.tree, text, this.lineStarts);
    this.stats.copied += this.statements.length;
  }

  get source(): string {
    return this.text;
  }

  get lines(): number[] {
    return this.lineStarts;
  }

  /** Applies one edit: the text between `start` and `oldEnd` becomes `inserted`. */
  edit(start: number, oldEnd: number, inserted: string): void {
    // The parser reads a lone `\r` as a line end and `\r\n` as one: a `\r` just before the edit can
    // change which it is, so it belongs to the edit.
    if (start > 0 && this.text.charCodeAt(start - 1) === 13) {
      start--;
      inserted = '\r' + inserted;
    }
    const oldText = this.text;
    const next = oldText.slice(0, start) + inserted + oldText.slice(oldEnd);
    const nextLines = movedLineStarts(this.lineStarts, next, start, oldEnd, inserted.length);
    this.tree.edit(editOf(start, oldEnd, start + inserted.length, this.lineStarts, nextLines));
    this.text = next;
    this.lineStarts = nextLines;
    const moved = new Moved(start, oldEnd, inserted.length - (oldEnd - start));
    this.windowBroken = false;
    if (!this.reparseWindow(moved, oldText)) this.reparseAll(moved);
  }

  /** The module: every statement, its rows anchored to where it now starts. */
  module(): PyNode {
    const lines = this.lineStarts;
    const lastRow = lines.length - 1;
    const module = new PyNode('module', true, '', { row: 0 }, 0, 0, lastRow, this.text.length - lines[lastRow]);
    let row = 0;
    for (const s of this.statements) {
      while (row < lastRow && lines[row + 1] <= s.start) row++;
      s.node.setAnchorRow(row);
      module.addChild(s.node, null);
      if (s.node.hasError) module.hasError = true;
    }
    return module;
  }

  dispose(): void {
    this.tree.delete();
    this.dropWindow();
    this.statements = [];
  }

  private dropWindow(): void {
    this.window?.tree.delete();
    this.window = undefined;
  }

  /** Reparses the edit's window, if one gives back its guards; false when the whole document must be reparsed. */
  private reparseWindow(moved: Moved, oldText: string): boolean {
    const old = this.statements;
    const n = old.length;
    const kept = this.window;
    this.window = undefined;
    if (n === 0) {
      kept?.tree.delete();
      return false;
    }
    // The statements the edit touches (or lies between), with one neighbour on each side.
    const a = firstIndex(n, (i) => old[i].end >= moved.start);
    const b = firstIndex(n, (i) => old[i].start > moved.oldEnd) - 1;
    const first = Math.max(0, Math.min(a, b + 1) - 1);
    const last = Math.min(n - 1, Math.max(b, a - 1) + 1);
    let reusable = kept;
    try {
      for (const [before, after] of GUARDS) {
        let lo = Math.max(0, first - before);
        while (lo > 0 && !startsLine(oldText, old[lo - 1].end, old[lo].start)) lo--;
        let hi = Math.min(n - 1, last + after);
        while (hi < n - 1 && !startsLine(oldText, old[hi].end, old[hi + 1].start)) hi++;
        // A window of the whole document is the document tree's reparse.
        if (lo === 0 && hi === n - 1) return false;
        const start = lo === 0 ? 0 : old[lo].start;
        const oldEnd = hi === n - 1 ? oldText.length : old[hi].end;
        const end = hi === n - 1 ? this.text.length : moved.end(old[hi].end);
        // A window of most of the document, unless it runs to the end, is not worth it.
        if (hi < n - 1 && end - start > this.text.length / 2) return false;
        const text = ownCopy(this.text.slice(start, end));
        const lines = lineStartsOf(text);
        let tree: Tree | undefined;
        if (reusable && reusable.start === start && reusable.end === oldEnd) {
          const oldLines = lineStartsOf(oldText.slice(start, oldEnd));
          reusable.tree.edit(editOf(moved.start - start, moved.oldEnd - start, moved.newEnd - start, oldLines, lines));
          tree = this.parser.parse(text, reusable.tree);
          // Error recovery may go another way from an old tree than from scratch: only a clean reparse is kept.
          if (tree.rootNode.hasError) {
            tree.delete();
            tree = undefined;
          }
        }
        reusable?.tree.delete();
        reusable = undefined;
        tree ??= this.parser.parse(text);
        if (tree.rootNode.hasError) this.windowBroken = true;
        const accepted = this.acceptWindow(tree, text, lines, start, lo, hi, moved, oldText);
        if (accepted) {
          this.window = { tree, start, end };
          return true;
        }
        tree.delete();
      }
      return false;
    } finally {
      reusable?.tree.delete();
    }
  }

  /** Takes the window's statements in place of `old[lo..hi]` if its outer guards came back unchanged. */
  private acceptWindow(
    tree: Tree,
    text: string,
    lines: number[],
    start: number,
    lo: number,
    hi: number,
    moved: Moved,
    oldText: string,
  ): boolean {
    if (tree.rootNode.type !== 'module') return false;
    const old = this.statements;
    // A syntax error just outside the window can take the recovery of one inside it another way.
    for (let k = 1; k <= CLEAN_AROUND; k++) {
      if (old[lo - k]?.hasError || old[hi + k]?.hasError) return false;
    }
    const { fresh, taken } = this.copyReusing(tree, text, lines, start, lo, hi, moved);
    // The outermost guards on each side must be the earlier statements themselves: KEPT_GUARDS statements
    // and the comments among them (a comment is no guard: the parser puts it wherever the text around it goes).
    const n = old.length;
    /** How many entries the kept guards of one side take, or -1 if they did not come back. */
    const kept = (side: 1 | -1): number => {
      let statements = 0;
      let k = 0;
      for (; statements < KEPT_GUARDS; k++) {
        const was = old[side > 0 ? lo + k : hi - k];
        const now = fresh[side > 0 ? k : fresh.length - 1 - k];
        if (!was || !now || now.node !== was.node) return -1;
        if (was.node.type !== 'comment') statements++;
      }
      return k;
    };
    const trailing = hi < n - 1 ? kept(-1) : 0;
    if ((lo > 0 && kept(1) < 0) || trailing < 0) return false;
    // Error recovery can depend on text far after the error (where the end of the text is, a string
    // never closed): a window with an error must give the same statements as a longer one.
    if (hi < n - 1 && fresh.some((f) => f.hasError)) {
      if (!this.sameFurther(fresh.slice(0, fresh.length - trailing), start, hi, moved, oldText)) return false;
    }
    for (const f of fresh) {
      f.start += start;
      f.end += start;
    }
    for (let i = hi + 1; i < n; i++) {
      old[i].start += moved.delta;
      old[i].end += moved.delta;
    }
    this.stashDropped(lo, hi, taken, moved);
    this.statements = old.slice(0, lo).concat(fresh, old.slice(hi + 1));
    this.stats.windowReparses++;
    return true;
  }

  /** Whether a window from `start` to CHECK_FURTHER statements after `old[hi]` begins with `statements`. */
  private sameFurther(statements: Statement[], start: number, hi: number, moved: Moved, oldText: string): boolean {
    const old = this.statements;
    const n = old.length;
    let far = Math.min(n - 1, hi + CHECK_FURTHER);
    while (far < n - 1 && !startsLine(oldText, old[far].end, old[far + 1].start)) far++;
    const text = ownCopy(this.text.slice(start, far === n - 1 ? this.text.length : moved.end(old[far].end)));
    const tree = this.parser.parse(text);
    try {
      const further = copyStatements(tree, text, lineStartsOf(text));
      return statements.every((s, i) => {
        const f = further[i];
        if (!f || f.start !== s.start || f.end !== s.end || f.typeId !== s.typeId || f.hasError !== s.hasError)
          return false;
        // Both copies of a statement with an error were made from this window's text, rows counted alike.
        return !s.hasError || dumpTree(f.node).join('\n') === dumpTree(s.node).join('\n');
      });
    } finally {
      tree.delete();
    }
  }

  /**
   * The statements of `tree` (parsed from `text`, which starts at `start` in the document and whose
   * line starts are `lines`), offsets still counted in `text`: each keeps the copy of the statement among
   * `old[lo..hi]` it is, moved by the edit, or else of one in the stash, or is copied afresh.
   */
  private copyReusing(
    tree: Tree,
    text: string,
    lines: number[],
    start: number,
    lo: number,
    hi: number,
    moved: Moved,
  ): { fresh: Statement[]; taken: Set<PyNode> } {
    const old = this.statements;
    const column = (o: number) => o - start - lines[rowOf(lines, o - start)];
    const taken = new Set<PyNode>();
    let p = lo;
    const fresh = copyStatements(tree, text, lines, (s, e, typeId) => {
      const at = reuseAt(old, p, hi, moved, start + s, start + e, typeId, column);
      p = at.next;
      const node =
        at.index >= 0 ? old[at.index].node : this.stash.take(stashKey(typeId, column(start + s), text, s, e));
      if (node) taken.add(node);
      return node;
    });
    this.stats.copied += fresh.length - taken.size;
    return { fresh, taken };
  }

  /**
   * Keeps by text the statements among `old[lo..hi]` (without syntax error) that a parse dropped: an error
   * that swallowed them (an unclosed bracket) is often closed a keystroke later, and they come back as they were.
   */
  private stashDropped(lo: number, hi: number, taken: Set<PyNode>, moved: Moved): void {
    const old = this.statements;
    for (let i = lo; i <= hi; i++) {
      const s = old[i];
      if (s.hasError || taken.has(s.node)) continue;
      const r = moved.range(s);
      if (r) this.stash.put(stashKey(s.typeId, s.node.span().startCol, this.text, r[0], r[1]), s.node);
    }
    this.stash.trim(2 * this.lineStarts.length + 1000);
  }

  /** Reparses the whole document from the document tree, reusing the copies of statements that did not change. */
  private reparseAll(moved: Moved): void {
    this.stats.fullReparses++;
    // Error recovery may go another way from an old tree than from scratch: a broken text is parsed
    // afresh (at once when the edit's window was broken: the document then most likely is too).
    const previous = this.tree;
    this.tree = this.parser.parse(this.text, this.windowBroken ? undefined : previous);
    previous.delete();
    if (!this.windowBroken && this.tree.rootNode.hasError) {
      this.tree.delete();
      this.tree = this.parser.parse(this.text);
    }
    const old = this.statements;
    const { fresh, taken } = this.copyReusing(this.tree, this.text, this.lineStarts, 0, 0, old.length - 1, moved);
    this.stashDropped(0, old.length - 1, taken, moved);
    this.statements = fresh;
  }
}
