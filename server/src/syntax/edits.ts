/**
 * What `DocumentSyntax` (`chunks.ts`) needs to follow an edit: where offsets
 * move (`Moved`), which earlier statement copy a new statement may keep
 * (`reuseAt`), the copies a whole reparse dropped (`Stash`), line starts moved
 * by the edit, and tree-sitter's edit record.
 */

import type { Edit } from 'web-tree-sitter';
import { KeyedQueue, type PyNode, ownCopy, rowOf } from './ast';
import type { Statement } from './treeCopy';

/** The key of a statement's copy in the stash. */
export function stashKey(typeId: number, column: number, text: string, start: number, end: number): string {
  return `${typeId}:${column}:${text.slice(start, end)}`;
}

/** Copies of statements by key, each text's copies taken in the order they were put (`KeyedQueue`). */
export class Stash {
  private readonly queue = new KeyedQueue<PyNode>();

  put(key: string, node: PyNode): void {
    this.queue.put(ownCopy(key), node);
  }

  take(key: string): PyNode | undefined {
    return this.queue.take(key);
  }

  /** Forgets everything once it holds more than `limit` copies. */
  trim(limit: number): void {
    if (this.queue.size > limit) this.queue.clear();
  }
}

/** Where offsets of the text before an edit are in the text after it. */
export class Moved {
  readonly newEnd: number;

  constructor(
    readonly start: number,
    readonly oldEnd: number,
    readonly delta: number,
  ) {
    this.newEnd = oldEnd + delta;
  }

  /** A statement's end, for a statement after the edit. */
  end(offset: number): number {
    return offset + this.delta;
  }

  /** A statement's offsets after the edit, or undefined if the edit touched it. */
  range(s: Statement): [number, number] | undefined {
    if (s.end <= this.start && s.start < this.start) return [s.start, s.end];
    if (s.start >= this.oldEnd && s.end > this.oldEnd) return [s.start + this.delta, s.end + this.delta];
    return undefined;
  }
}

/**
 * The earlier statement among `old[p..hi]` that a statement of the new parse at `start`..`end` of type
 * `typeId` (without syntax error) may keep the copy of, and the index to look from for the next one.
 * Its text is the same; it must start on the same column too (a copy's rows move, its columns do not).
 */
export function reuseAt(
  old: Statement[],
  p: number,
  hi: number,
  moved: Moved,
  start: number,
  end: number,
  typeId: number,
  column: (offset: number) => number,
): { index: number; next: number } {
  while (p <= hi) {
    const r = moved.range(old[p]);
    if (r && r[0] >= start) {
      const same =
        r[0] === start &&
        r[1] === end &&
        old[p].typeId === typeId &&
        !old[p].hasError &&
        old[p].node.span().startCol === column(start);
      return same ? { index: p, next: p + 1 } : { index: -1, next: p };
    }
    p++;
  }
  return { index: -1, next: p };
}

/** Whether statement text from `start` begins a line, with a line break since the previous statement's `prevEnd`. */
export function startsLine(text: string, prevEnd: number, start: number): boolean {
  const c = text.charCodeAt(start - 1);
  if (c !== 10 && c !== 13) return false;
  return prevEnd < start;
}

/** The first `i` in `[0, n)` for which `test` holds (it holds for every index after it), or `n`. */
export function firstIndex(n: number, test: (i: number) => boolean): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (test(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * The line starts of `text`, made from `old` (those of the text before the edit of `start`..`oldEnd`
 * into `insertedLength` characters): kept before the edit, found again in it, moved after it.
 * Whether an offset starts a line depends on the two characters around it (`\r\n` is one line end).
 */
export function movedLineStarts(
  old: number[],
  text: string,
  start: number,
  oldEnd: number,
  insertedLength: number,
): number[] {
  const delta = insertedLength - (oldEnd - start);
  const out: number[] = [];
  let i = 0;
  for (; i < old.length && old[i] <= start; i++) out.push(old[i]);
  const scanTo = Math.min(text.length, start + insertedLength + 1);
  for (let p = start + 1; p <= scanTo; p++) {
    const c = text.charCodeAt(p - 1);
    if (c === 10 || (c === 13 && text.charCodeAt(p) !== 10)) out.push(p);
  }
  for (; i < old.length; i++) if (old[i] >= oldEnd + 2) out.push(old[i] + delta);
  return out;
}

/** A tree-sitter edit from offsets, with rows and columns from the line starts before and after. */
export function editOf(start: number, oldEnd: number, newEnd: number, before: number[], after: number[]): Edit {
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
