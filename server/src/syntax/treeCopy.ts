/**
 * Copies a tree-sitter tree into `PyNode`s (`ast.ts`), with one cursor walk or
 * straight from WebAssembly memory (`treeMemory.ts`).
 *
 * Copies are kept per top-level statement, keyed by its text: after an edit,
 * only the statements whose text changed are copied again.
 */

import type { Tree, TreeCursor } from 'web-tree-sitter';
import {
  CHILD_END,
  CHILD_FIELD,
  CHILD_SLOT,
  CHILD_START,
  CHILD_STRIDE,
  CHILD_TYPE,
  SYMBOL_ERROR,
  ChildList,
  type TreeMemory,
} from './treeMemory';
import {
  type Anchor,
  intern,
  KeyedQueue,
  lineStartsOf,
  MAX_SYNTAX_DEPTH,
  ownCopy,
  PyNode,
  rowOf,
  TOO_DEEP,
} from './ast';

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

/** ERROR (symbol 65535) is not in the grammar's table of node types. */
const ERROR_KIND = { name: 'ERROR', named: true };

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

/** What stands for a subtree nested deeper than `MAX_SYNTAX_DEPTH`: a leaf without text, where the subtree was. */
const TOO_DEEP_KIND = { name: TOO_DEEP, named: true };

/**
 * Copies the node under `cursor` (and its subtree) with rows relative to `base`.
 * The walk keeps its own stack, so any depth of nesting copies; a node
 * `MAX_SYNTAX_DEPTH` levels down is copied as a `TOO_DEEP` leaf, so that no
 * later walk over the copy goes deeper. The cursor ends where it started.
 */
function copySubtree(cursor: TreeCursor, ctx: CopyContext, anchor: Anchor, base: number): PyNode {
  const parents: PyNode[] = [];
  let root: PyNode | undefined;
  for (;;) {
    const depth = parents.length;
    const fieldId = depth > 0 ? cursor.currentFieldId : 0;
    const missing = depth > 0 && ctx.checkMissing && cursor.nodeIsMissing;
    // ERROR (symbol 65535) and other built-in symbols are not in the grammar's table.
    const kind = ctx.types[cursor.nodeTypeId] ?? { name: intern(cursor.nodeType), named: cursor.nodeIsNamed };
    const startIndex = cursor.startIndex;
    const endIndex = cursor.endIndex;
    const cut = depth >= MAX_SYNTAX_DEPTH;
    const hasChildren = !cut && cursor.gotoFirstChild();
    const node = newNode(ctx, cut ? TOO_DEEP_KIND : kind, startIndex, endIndex, cut || hasChildren, anchor, base);
    // A subtree cut at the depth limit holds an error if any node below it does (asked once, of WebAssembly).
    if (missing || kind.name === 'ERROR' || (cut && ctx.treeHasError && cursor.currentNode.hasError))
      node.hasError = true;
    if (depth > 0) parents[depth - 1].addChild(node, fieldId ? ctx.fields[fieldId] : null);
    else root = node;
    if (hasChildren) {
      parents.push(node);
      continue;
    }
    // The node is complete: on to its next sibling, or up to the first ancestor that has one.
    let done = node;
    for (;;) {
      if (parents.length === 0) return root!;
      const parent = parents[parents.length - 1];
      if (done.hasError) parent.hasError = true;
      if (cursor.gotoNextSibling()) break;
      cursor.gotoParent();
      parents.pop();
      done = parent;
    }
  }
}

/** The stack of `copyFromMemory`: per node whose children are being copied, the node and the next and end index of its children in the `ChildList`. */
const memoryStack: { nodes: PyNode[]; next: number[]; to: number[]; from: number[] } = {
  nodes: [],
  next: [],
  to: [],
  from: [],
};

/**
 * Copies a node read from WebAssembly memory (`treeMemory.ts`): the same walk
 * as `copySubtree`, without calls into WebAssembly. In a tree with a syntax
 * error, ERROR nodes and MISSING leaves are marked, and so are their ancestors.
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
  // A call into WebAssembly since the last walk (a cursor made) may have grown its memory.
  memory.refresh();
  const { nodes, next, to, from } = memoryStack;
  const marks = ctx.treeHasError;
  let depth = 0;
  /** The copy of one node, its children read onto `kids` and its frame pushed when it has any. */
  const open = (slot: number, startIndex: number, endIndex: number, typeId: number): PyNode => {
    if (depth >= MAX_SYNTAX_DEPTH) {
      const cut = newNode(ctx, TOO_DEEP_KIND, startIndex, endIndex, true, anchor, base);
      if (marks && memory.hasError(slot)) cut.hasError = true;
      return cut;
    }
    const first = kids.length;
    memory.visibleChildren(slot, startIndex, kids);
    const end = kids.length;
    const kind = typeId === SYMBOL_ERROR ? ERROR_KIND : ctx.types[typeId];
    const node = newNode(ctx, kind, startIndex, endIndex, end > first, anchor, base);
    if (marks && (kind === ERROR_KIND || (end === first && memory.isMissing(slot)))) node.hasError = true;
    if (end > first) {
      nodes[depth] = node;
      next[depth] = first;
      to[depth] = end;
      from[depth] = first;
      depth++;
    }
    return node;
  };
  const root = open(slot, startIndex, endIndex, typeId);
  while (depth > 0) {
    const top = depth - 1;
    const i = next[top];
    if (i >= to[top]) {
      kids.length = from[top];
      if (marks && top > 0 && nodes[top].hasError) nodes[top - 1].hasError = true;
      nodes[top] = root; // drop the reference
      depth--;
      continue;
    }
    next[top] = i + CHILD_STRIDE;
    // Read before `open`: a child's children go above `to` and may replace the buffer as it grows.
    const d = kids.data;
    const fieldId = d[i + CHILD_FIELD];
    const child = open(d[i + CHILD_SLOT], d[i + CHILD_START], d[i + CHILD_END], d[i + CHILD_TYPE]);
    nodes[top].addChild(child, fieldId ? ctx.fields[fieldId] : null);
    if (child.hasError) nodes[top].hasError = true;
  }
  return root;
}

/** The memory reader to use for trees, if any: set by the parser once it has checked the reader against the cursor. */
let treeMemory: TreeMemory | undefined;

export function useTreeMemory(memory: TreeMemory | undefined): void {
  treeMemory = memory;
}

/** How a copy reads the tree: `auto` takes memory where it may, the others force one way (for checks). */
export type TreeReading = 'auto' | 'cursor' | 'memory';

function memoryFor(reading: TreeReading): TreeMemory | undefined {
  if (reading === 'memory' && !treeMemory) throw new Error('no memory reader for this tree');
  if (reading === 'cursor' || !treeMemory) return undefined;
  treeMemory.refresh();
  return treeMemory;
}

/** Top-level statements of `tree`, in order: offsets, type, and a way to copy each. */
interface StatementSource {
  startIndex: number;
  endIndex: number;
  /** The node's public symbol (the cursor's `nodeTypeId`; 65535 for ERROR). */
  typeId: number;
  /** Whether the statement holds a syntax error (asked of WebAssembly only when the tree has one). */
  hasError(): boolean;
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
        typeId,
        hasError: () => ctx.treeHasError && memory.hasError(slot),
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
          typeId: cursor.nodeTypeId,
          hasError: () => ctx.treeHasError && cursor.currentNode.hasError,
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
  private entries = new KeyedQueue<{ node: PyNode; anchor: Anchor }>();
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
    const next = new KeyedQueue<{ node: PyNode; anchor: Anchor }>();
    const rootAnchor: Anchor = { row: 0 };
    const lastRow = lineStarts.length - 1;
    const module = new PyNode('module', true, '', rootAnchor, 0, 0, lastRow, source.length - lineStarts[lastRow]);
    this.lastCopied = 0;
    this.lastRanges = [];
    let row = 0;
    const treeHasError = tree.rootNode.hasError;
    const ctx: CopyContext = { source, lineStarts, ...languageNames(tree), checkMissing: false, treeHasError };
    topLevelStatements(tree, memoryFor(reading), ctx, (statement) => {
      const { startIndex, endIndex } = statement;
      // Statements come in order: move the row forward to the line holding this one.
      while (row < lastRow && lineStarts[row + 1] <= startIndex) row++;
      const column = startIndex - lineStarts[row];
      this.lastRanges.push([startIndex, endIndex]);
      const key = ownCopy(
        column === 0 ? source.slice(startIndex, endIndex) : `${column}:${source.slice(startIndex, endIndex)}`,
      );
      let entry = this.entries.take(key);
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
        next.put(key, entry);
      }
      // Statements are the module's children; they have no field name.
      module.addChild(entry.node, null);
      if (entry.node.hasError) module.hasError = true;
    });
    this.entries = next;
    return module;
  }
}

/** A top-level statement of a tree: its copy, offsets in the tree's source, type, and whether it holds a syntax error. */
export interface Statement {
  node: PyNode;
  start: number;
  end: number;
  typeId: number;
  hasError: boolean;
}

/**
 * The top-level statements of a tree parsed from `source` (a document, or a
 * run of its lines), each copied, or taken from `reuse`: it is asked, for each
 * statement without a syntax error, for an earlier copy of a statement of this
 * type at these offsets, and returns it or nothing. Each copy's rows count from
 * its own first line (`PyNode.setAnchorRow` places it).
 */
export function copyStatements(
  tree: Tree,
  source: string,
  lineStarts: number[],
  reuse?: (start: number, end: number, typeId: number) => PyNode | undefined,
): Statement[] {
  const treeHasError = tree.rootNode.hasError;
  const ctx: CopyContext = { source, lineStarts, ...languageNames(tree), checkMissing: false, treeHasError };
  const out: Statement[] = [];
  let row = 0;
  const lastRow = lineStarts.length - 1;
  topLevelStatements(tree, memoryFor('auto'), ctx, (statement) => {
    const { startIndex: start, endIndex: end, typeId } = statement;
    const hasError = statement.hasError();
    let node = hasError || !reuse ? undefined : reuse(start, end, typeId);
    if (!node) {
      while (row < lastRow && lineStarts[row + 1] <= start) row++;
      node = statement.copy(ctx, { row }, row);
    }
    out.push({ node, start, end, typeId, hasError: hasError || node.hasError });
  });
  return out;
}

/** A one-off copy of a whole tree (no reuse). */
export function toAst(tree: Tree, source: string, reading: TreeReading = 'auto'): PyNode {
  return new AstCache().build(tree, source, lineStartsOf(source), reading);
}
