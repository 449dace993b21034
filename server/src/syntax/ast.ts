/**
 * A plain-JavaScript copy of the tree-sitter tree, which the interpreter walks.
 *
 * Reading a tree-sitter node crosses into WebAssembly and allocates on every
 * access; the interpreter reads each node many times. So the tree is copied
 * once, with one cursor walk, into `PyNode`s that offer the small part of the
 * node API the interpreter uses.
 *
 * Copies are kept per top-level statement, keyed by its text: after an edit,
 * only the statements whose text changed are copied again. Rows are stored
 * relative to the statement (its `anchor` holds the absolute row), so a
 * statement that only moved up or down is reused as it is.
 */

import type { Tree, TreeCursor } from 'web-tree-sitter';
import {
  CHILD_END,
  CHILD_FIELD,
  CHILD_SLOT,
  CHILD_START,
  CHILD_STRIDE,
  CHILD_TYPE,
  ChildList,
  type TreeMemory,
} from './treeMemory';

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
interface Anchor {
  row: number;
}

/** Types whose source text the interpreter reads (besides every leaf). */
const TEXT_TYPES = new Set([
  'dotted_name',
  'relative_import',
  'string_content',
  'identifier',
  'integer',
  'float',
  'format_specifier',
]);

const NO_CHILDREN: PyNode[] = [];

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
 * Type and field names come from WebAssembly as fresh strings. The interpreter
 * compares them with string literals in every `switch`, which is a pointer
 * comparison only when both strings are internalized: using a string as a
 * property key makes V8 internalize it, so each name is stored that way once.
 */
const interned = new Map<string, string>();
function intern(s: string): string {
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

/**
 * What a copy needs besides the cursor: the source and its line starts (rows
 * and columns are computed here from offsets, cheaper than asking the tree),
 * and names of node types and fields by id (numbers cross from WebAssembly
 * cheaply, strings do not).
 */
interface CopyContext {
  source: string;
  lineStarts: number[];
  types: Array<{ name: string; named: boolean }>;
  fields: string[];
  /** Whether to look for MISSING nodes (only inside statements with errors). */
  checkMissing: boolean;
  /** Whether the tree has a syntax error anywhere (read once: each read crosses into WebAssembly). */
  treeHasError: boolean;
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

/** A node of type `kind` from `startIndex` to `endIndex`, rows relative to `base`, without its children. */
function newNode(
  ctx: CopyContext,
  kind: { name: string; named: boolean },
  startIndex: number,
  endIndex: number,
  hasChildren: boolean,
  anchor: Anchor,
  base: number,
): PyNode {
  const startRow = rowOf(ctx.lineStarts, startIndex);
  const endRow = rowOf(ctx.lineStarts, endIndex);
  const wantText = !hasChildren || TEXT_TYPES.has(kind.name);
  return new PyNode(
    kind.name,
    kind.named,
    wantText
      ? kind.name === 'identifier'
        ? intern(ctx.source.slice(startIndex, endIndex))
        : ownCopy(ctx.source.slice(startIndex, endIndex))
      : '',
    anchor,
    startRow - base,
    startIndex - ctx.lineStarts[startRow],
    endRow - base,
    endIndex - ctx.lineStarts[endRow],
  );
}

/** Copies the node under `cursor` (and its subtree) with rows relative to `base`. */
function copySubtree(cursor: TreeCursor, ctx: CopyContext, anchor: Anchor, base: number): PyNode {
  // ERROR (symbol 65535) and other built-in symbols are not in the grammar's table.
  const kind = ctx.types[cursor.nodeTypeId] ?? { name: intern(cursor.nodeType), named: cursor.nodeIsNamed };
  const startIndex = cursor.startIndex;
  const endIndex = cursor.endIndex;
  const hasChildren = cursor.gotoFirstChild();
  const node = newNode(ctx, kind, startIndex, endIndex, hasChildren, anchor, base);
  if (hasChildren) {
    do {
      const fieldId = cursor.currentFieldId;
      const missing = ctx.checkMissing && cursor.nodeIsMissing;
      const child = copySubtree(cursor, ctx, anchor, base);
      if (missing) child.hasError = true;
      node.addChild(child, fieldId ? ctx.fields[fieldId] : null);
      if (child.hasError) node.hasError = true;
    } while (cursor.gotoNextSibling());
    cursor.gotoParent();
  }
  if (kind.name === 'ERROR') node.hasError = true;
  return node;
}

/**
 * Copies a node of a tree without syntax errors, read from WebAssembly memory
 * (`treeMemory.ts`): the same walk as `copySubtree`, without calls into WebAssembly.
 */
function copyFromMemory(
  memory: TreeMemory,
  kids: ChildList,
  slot: number,
  startIndex: number,
  endIndex: number,
  typeId: number,
  ctx: CopyContext,
  anchor: Anchor,
  base: number,
): PyNode {
  const from = kids.length;
  memory.visibleChildren(slot, startIndex, kids);
  const to = kids.length;
  const node = newNode(ctx, ctx.types[typeId], startIndex, endIndex, to > from, anchor, base);
  for (let i = from; i < to; i += CHILD_STRIDE) {
    // Read before the call: a child's children go above `to` and may replace the buffer as it grows.
    const d = kids.data;
    const fieldId = d[i + CHILD_FIELD];
    const child = copyFromMemory(
      memory,
      kids,
      d[i + CHILD_SLOT],
      d[i + CHILD_START],
      d[i + CHILD_END],
      d[i + CHILD_TYPE],
      ctx,
      anchor,
      base,
    );
    node.addChild(child, fieldId ? ctx.fields[fieldId] : null);
  }
  kids.length = from;
  return node;
}

/**
 * The memory reader to use for `tree`, if any: set by the parser once it has
 * checked the reader against the cursor, and used only for trees without errors.
 */
let treeMemory: TreeMemory | undefined;

export function useTreeMemory(memory: TreeMemory | undefined): void {
  treeMemory = memory;
}

/** How a copy reads the tree: `auto` takes memory where it may, the others force one way (for checks). */
export type TreeReading = 'auto' | 'cursor' | 'memory';

function memoryFor(ctx: CopyContext, reading: TreeReading): TreeMemory | undefined {
  if (reading === 'memory' && (!treeMemory || ctx.treeHasError)) throw new Error('no memory reader for this tree');
  if (reading === 'cursor' || !treeMemory || ctx.treeHasError) return undefined;
  treeMemory.refresh();
  return treeMemory;
}

/** Top-level statements of `tree`, in order: offsets, and a way to copy each. */
interface StatementSource {
  startIndex: number;
  endIndex: number;
  copy(ctx: CopyContext, anchor: Anchor, base: number): PyNode;
}

/** The module's children, read through `memory` or a cursor (which is deleted once all are copied). */
function topLevelStatements(
  tree: Tree,
  memory: TreeMemory | undefined,
  ctx: CopyContext,
  each: (statement: StatementSource) => void,
): void {
  if (memory) {
    const root = tree.rootNode;
    const statements = new ChildList();
    memory.visibleChildren(root.id, root.startIndex, statements);
    const kids = new ChildList();
    const d = statements.data;
    for (let i = 0; i < statements.length; i += CHILD_STRIDE) {
      const slot = d[i + CHILD_SLOT];
      const startIndex = d[i + CHILD_START];
      const endIndex = d[i + CHILD_END];
      const typeId = d[i + CHILD_TYPE];
      each({
        startIndex,
        endIndex,
        copy: (c, anchor, base) => copyFromMemory(memory, kids, slot, startIndex, endIndex, typeId, c, anchor, base),
      });
    }
    return;
  }
  const cursor = tree.walk();
  try {
    if (cursor.gotoFirstChild()) {
      do {
        each({
          startIndex: cursor.startIndex,
          endIndex: cursor.endIndex,
          copy: (c, anchor, base) => {
            // Only a statement with a syntax error can hold MISSING nodes; look for them there alone.
            c.checkMissing = c.treeHasError && cursor.currentNode.hasError;
            const missing = c.checkMissing && cursor.nodeIsMissing;
            const node = copySubtree(cursor, c, anchor, base);
            if (missing) node.hasError = true;
            return node;
          },
        });
      } while (cursor.gotoNextSibling());
    }
  } finally {
    cursor.delete();
  }
}

/** Type and field names of a grammar, by id, read once. */
const namesByLanguage = new WeakMap<object, { types: CopyContext['types']; fields: string[] }>();

function languageNames(tree: Tree): { types: CopyContext['types']; fields: string[] } {
  const language = tree.language;
  let names = namesByLanguage.get(language);
  if (!names) {
    const types: CopyContext['types'] = [];
    for (let id = 0; id < language.nodeTypeCount; id++) {
      types.push({ name: intern(language.nodeTypeForId(id) ?? ''), named: language.nodeTypeIsNamed(id) });
    }
    const fields: string[] = [''];
    for (let id = 1; id <= language.fieldCount; id++) fields.push(intern(language.fieldNameForId(id) ?? ''));
    names = { types, fields };
    namesByLanguage.set(language, names);
  }
  return names;
}

/**
 * Copies of top-level statements from earlier versions, by text and start
 * column. A text can occur several times in a file, so each key holds a list.
 */
export class AstCache {
  private entries = new Map<string, Array<{ node: PyNode; anchor: Anchor }>>();
  /** Start and end offsets of each module child of the last `build`. */
  lastRanges: Array<[number, number]> = [];
  /** Statements copied afresh by the last `build` (a figure for benchmarks). */
  lastCopied = 0;

  /**
   * The module's copy for `tree` of `source`, reusing statements whose text
   * did not change. `lineStarts` (the offset of each line) turns offsets into rows
   * without asking the tree for positions.
   */
  build(tree: Tree, source: string, lineStarts: number[], reading: TreeReading = 'auto'): PyNode {
    const next = new Map<string, Array<{ node: PyNode; anchor: Anchor }>>();
    const rootAnchor: Anchor = { row: 0 };
    const lastRow = lineStarts.length - 1;
    const module = new PyNode('module', true, '', rootAnchor, 0, 0, lastRow, source.length - lineStarts[lastRow]);
    this.lastCopied = 0;
    this.lastRanges = [];
    let row = 0;
    const treeHasError = tree.rootNode.hasError;
    const ctx: CopyContext = { source, lineStarts, ...languageNames(tree), checkMissing: false, treeHasError };
    topLevelStatements(tree, memoryFor(ctx, reading), ctx, (statement) => {
      const { startIndex, endIndex } = statement;
      // Statements come in order: move the row forward to the line holding this one.
      while (row < lastRow && lineStarts[row + 1] <= startIndex) row++;
      const column = startIndex - lineStarts[row];
      this.lastRanges.push([startIndex, endIndex]);
      const key = ownCopy(
        column === 0 ? source.slice(startIndex, endIndex) : `${column}:${source.slice(startIndex, endIndex)}`,
      );
      const pool = this.entries.get(key);
      let entry = pool?.pop();
      const copiedBefore = this.lastCopied;
      if (entry) {
        entry.anchor.row = row;
      } else {
        const anchor: Anchor = { row };
        entry = { node: statement.copy(ctx, anchor, row), anchor };
        this.lastCopied++;
      }
      // A statement copied from a tree with a syntax error anywhere is used in this module only, not
      // kept for reuse: error recovery elsewhere (an unclosed string above it) can give the same
      // text another structure than it has in valid code.
      if (!treeHasError || this.lastCopied === copiedBefore) {
        const kept = next.get(key);
        if (kept) kept.push(entry);
        else next.set(key, [entry]);
      }
      // Statements are the module's children; they have no field name.
      module.addChild(entry.node, null);
      if (entry.node.hasError) module.hasError = true;
    });
    this.entries = next;
    return module;
  }
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

/** A top-level statement and the row it starts on, counted from the first line of its text. */
export interface Statement {
  node: PyNode;
  rowOffset: number;
}

/** Copies the top-level statements of a tree parsed from `source` (a chunk of a document). */
export function copyStatements(tree: Tree, source: string): Statement[] {
  const lineStarts = lineStartsOf(source);
  const ctx: CopyContext = {
    source,
    lineStarts,
    ...languageNames(tree),
    checkMissing: false,
    treeHasError: tree.rootNode.hasError,
  };
  const out: Statement[] = [];
  topLevelStatements(tree, memoryFor(ctx, 'auto'), ctx, (statement) => {
    const row = rowOf(lineStarts, statement.startIndex);
    out.push({ node: statement.copy(ctx, { row }, row), rowOffset: row });
  });
  return out;
}

/** A one-off copy of a whole tree (no reuse). */
export function toAst(tree: Tree, source: string, reading: TreeReading = 'auto'): PyNode {
  return new AstCache().build(tree, source, lineStartsOf(source), reading);
}

/** Everything a copy holds (types, texts, spans, fields, error marks), one line a node: for comparing two ways of reading. */
export function dumpTree(node: PyNode, depth = 0, field: string | null = null, out: string[] = []): string[] {
  const s = node.span();
  out.push(
    `${'  '.repeat(depth)}${field ? `${field}: ` : ''}${node.type}${node.isNamed ? '' : '!'} ${s.startLine}:${s.startCol}-${s.endLine}:${s.endCol}${node.hasError ? ' ERR' : ''} ${JSON.stringify(node.text)}`,
  );
  for (const child of node.children) dumpTree(child, depth + 1, node.fieldOf(child), out);
  return out;
}
