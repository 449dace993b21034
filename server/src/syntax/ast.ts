/**
 * `PyNode`: a plain-JavaScript copy of a tree-sitter node, which the interpreter walks.
 *
 * Reading a tree-sitter node crosses into WebAssembly and allocates on every
 * access; the interpreter reads each node many times. So the tree is copied
 * once (`treeCopy.ts`) into `PyNode`s that offer the small part of the node
 * API the interpreter uses. Rows are stored relative to the top-level
 * statement (its `anchor` holds the absolute row), so a statement that only
 * moved up or down is reused as it is.
 */

export interface Point {
  row: number;
  column: number;
}

/** A node's place in the document: 0-based lines and columns. */
export interface SourceSpan {
  startLine: number;
  startCol: number;
  endLine: number;
  endCol: number;
}

/** The absolute row of a top-level statement, shared by all nodes inside it. */
export interface Anchor {
  row: number;
}

const NO_CHILDREN: PyNode[] = [];

/**
 * How deep a statement's copy goes. Python itself refuses far less (200
 * nested brackets, 100 levels of indentation); past this depth a subtree is
 * copied as one `TOO_DEEP` leaf (its span kept), which the interpreter takes
 * as unknown with a note, so every recursive walk over a copy stays shallow
 * whatever the source holds (10,000 nested brackets, unary minus signs, calls).
 */
export const MAX_SYNTAX_DEPTH = 400;

/** The type of the leaf that stands for a subtree nested past `MAX_SYNTAX_DEPTH`. */
export const TOO_DEEP = 'too_deep';

/**
 * A copy of `s` that does not hold on to the string it was sliced from. V8
 * makes `slice` of 13 characters or more a view into its parent: a node's
 * text would keep its whole version of the document alive for as long as the
 * node is reused, one document per edit. Concatenating, then slicing, gives a
 * view into a fresh string of just this text.
 */
export function ownCopy(s: string): string {
  return s.length < 13 ? s : (' ' + s).slice(1);
}

/**
 * Items by key, taken in the order they were put: copies of statements kept by
 * text, where a text can occur several times. Taking in document order the
 * copies put in document order gives each of several identical statements its
 * own earlier copy back (what makes it the same node for a resumed run).
 */
export class KeyedQueue<T> {
  private readonly lists = new Map<string, { items: T[]; next: number }>();
  size = 0;

  put(key: string, item: T): void {
    const list = this.lists.get(key);
    if (list) list.items.push(item);
    else this.lists.set(key, { items: [item], next: 0 });
    this.size++;
  }

  take(key: string): T | undefined {
    const list = this.lists.get(key);
    if (!list) return undefined;
    const item = list.items[list.next++];
    this.size--;
    if (list.next === list.items.length) this.lists.delete(key);
    return item;
  }

  clear(): void {
    this.lists.clear();
    this.size = 0;
  }
}

/**
 * Type and field names come from WebAssembly as fresh strings. The interpreter
 * compares them with string literals in every `switch`, which is a pointer
 * comparison only when both strings are internalized: using a string as a
 * property key makes V8 internalize it, so each name is stored that way once.
 */
const interned = new Map<string, string>();
export function intern(s: string): string {
  let hit = interned.get(s);
  if (hit === undefined) {
    // Identifiers are interned too (names are looked up in scopes on every use): bounded, as a file may hold any number of names.
    if (interned.size > 100_000) interned.clear();
    hit = Object.keys({ [s]: 0 })[0];
    interned.set(s, hit);
  }
  return hit;
}

export class PyNode {
  children: PyNode[] = NO_CHILDREN;
  /**
   * Fields are read on every evaluation of a node. Python's nodes have at
   * most three distinct fields with one child each, except `subscript` and
   * `if_statement`'s repeated ones: the first three fields sit in slots
   * (names interned, so comparing them is comparing pointers), the rest in a list.
   */
  private f0: string | undefined = undefined;
  private n0: PyNode | undefined = undefined;
  private f1: string | undefined = undefined;
  private n1: PyNode | undefined = undefined;
  private f2: string | undefined = undefined;
  private n2: PyNode | undefined = undefined;
  private more: Array<[string, PyNode]> | undefined = undefined;
  /** The named children, once an anonymous child (punctuation, keyword) has come; until then they are `children`. */
  private named: PyNode[] | undefined = undefined;
  hasError = false;
  /**
   * A slot for what later passes derive from this node alone (a literal's
   * value). A node is reused only while its text is unchanged, so such
   * derived data stays valid for as long as the node lives.
   */
  memo: unknown = undefined;

  constructor(
    readonly type: string,
    readonly isNamed: boolean,
    readonly text: string,
    private readonly anchor: Anchor,
    private readonly startRow: number,
    private readonly startCol: number,
    private readonly endRow: number,
    private readonly endCol: number,
  ) {}

  /** Moves the statement this node belongs to (with every node in it) to start on `row`. */
  setAnchorRow(row: number): void {
    this.anchor.row = row - this.startRow;
  }

  /** Where the node is, 0-based, as one object (no intermediate points: spans are taken on every call). */
  span(): SourceSpan {
    const row = this.anchor.row;
    return { startLine: row + this.startRow, startCol: this.startCol, endLine: row + this.endRow, endCol: this.endCol };
  }

  get startPosition(): Point {
    return { row: this.anchor.row + this.startRow, column: this.startCol };
  }

  get endPosition(): Point {
    return { row: this.anchor.row + this.endRow, column: this.endCol };
  }

  get namedChildren(): PyNode[] {
    return this.named ?? this.children;
  }

  childForFieldName(name: string): PyNode | null {
    if (this.f0 === name) return this.n0!;
    if (this.f1 === name) return this.n1!;
    if (this.f2 === name) return this.n2!;
    const more = this.more;
    if (more) for (let i = 0; i < more.length; i++) if (more[i][0] === name) return more[i][1];
    return null;
  }

  /** The child under field `name` when it is the only one there (`x[i]`, not `x[i, j]`), else null. */
  soleChildForFieldName(name: string): PyNode | null {
    let found: PyNode | null = null;
    if (this.f0 === name) found = this.n0!;
    if (this.f1 === name) {
      if (found) return null;
      found = this.n1!;
    }
    if (this.f2 === name) {
      if (found) return null;
      found = this.n2!;
    }
    const more = this.more;
    if (more) for (let i = 0; i < more.length; i++) if (more[i][0] === name) return null;
    return found;
  }

  childrenForFieldName(name: string): PyNode[] {
    const out: PyNode[] = [];
    if (this.f0 === name) out.push(this.n0!);
    if (this.f1 === name) out.push(this.n1!);
    if (this.f2 === name) out.push(this.n2!);
    for (const [f, n] of this.more ?? []) if (f === name) out.push(n);
    return out;
  }

  /** The field name under which `child` (one of the children) is held, or null. */
  fieldOf(child: PyNode): string | null {
    if (this.n0 === child) return this.f0!;
    if (this.n1 === child) return this.f1!;
    if (this.n2 === child) return this.f2!;
    for (const [f, n] of this.more ?? []) if (n === child) return f;
    return null;
  }

  addChild(child: PyNode, field: string | null): void {
    if (this.children === NO_CHILDREN) this.children = [];
    this.children.push(child);
    if (this.named) {
      if (child.isNamed) this.named.push(child);
    } else if (!child.isNamed) this.named = this.children.filter((c) => c.isNamed);
    if (!field) return;
    field = intern(field);
    if (this.f0 === undefined) {
      this.f0 = field;
      this.n0 = child;
    } else if (this.f1 === undefined) {
      this.f1 = field;
      this.n1 = child;
    } else if (this.f2 === undefined) {
      this.f2 = field;
      this.n2 = child;
    } else (this.more ??= []).push([field, child]);
  }
}

/** The row holding offset `index`, given the offset each row starts at. */
export function rowOf(lineStarts: number[], index: number): number {
  let lo = 0;
  let hi = lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lineStarts[mid] <= index) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Offsets where each line of `text` starts, lines ending as LSP ends them: `\r\n`, `\n` or a lone `\r`. */
export function lineStartsOf(text: string): number[] {
  const starts = [0];
  if (text.indexOf('\r') < 0) {
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    return starts;
  }
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13) {
      if (i + 1 < n && text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  return starts;
}

/** Everything a copy holds (types, texts, spans, fields, error marks), one line a node: for comparing two ways of reading. */
export function dumpTree(root: PyNode): string[] {
  const out: string[] = [];
  const stack: Array<[PyNode, number, string | null]> = [[root, 0, null]];
  while (stack.length > 0) {
    const [node, depth, field] = stack.pop()!;
    const s = node.span();
    out.push(
      `${'  '.repeat(depth)}${field ? `${field}: ` : ''}${node.type}${node.isNamed ? '' : '!'} ${s.startLine}:${s.startCol}-${s.endLine}:${s.endCol}${node.hasError ? ' ERR' : ''} ${JSON.stringify(node.text)}`,
    );
    for (let i = node.children.length - 1; i >= 0; i--)
      stack.push([node.children[i], depth + 1, node.fieldOf(node.children[i])]);
  }
  return out;
}
