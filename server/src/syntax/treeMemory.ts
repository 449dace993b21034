/**
 * Reads a tree-sitter tree straight from WebAssembly memory.
 *
 * Copying a tree through web-tree-sitter's cursor costs several calls into
 * WebAssembly per node (type, start, end, field, next): about a microsecond
 * each, which made copying a 2,000-line file cost twice as much as parsing it.
 * Here the same walk the cursor makes (visible nodes, hidden nodes flattened,
 * aliases, fields inherited through hidden nodes: `tree_cursor.c`) is done in
 * JavaScript over the tree's own memory, with no call at all.
 *
 * This ties the reader to the memory layout of the pinned tree-sitter runtime
 * (`lib/subtree.h`, `lib/parser.h` of web-tree-sitter 0.25, wasm32). So:
 * - `parser.ts` checks it on probe files (one valid, one broken) when the
 *   grammar loads, comparing it with the cursor's walk, and turns it off on any
 *   difference;
 * - a test compares both walks on every Python file in the test suite, and on
 *   broken versions of them (ERROR nodes are walked as any other node: their
 *   production is 0, so no alias and no field; MISSING leaves are flagged).
 */

/** The views of WebAssembly memory that web-tree-sitter's module object keeps up to date. */
export interface WasmHeap {
  HEAPU8: Uint8Array;
  HEAPU16: Uint16Array;
  HEAPU32: Uint32Array;
}

/** Numbers `visibleChildren` gives for each child, in this order. */
export const CHILD_SLOT = 0;
export const CHILD_START = 1;
export const CHILD_END = 2;
export const CHILD_TYPE = 3;
export const CHILD_FIELD = 4;
export const CHILD_STRIDE = 5;

/**
 * Numbers of children, `CHILD_STRIDE` a child, on one stack shared by a whole
 * walk: a node's children are pushed above its parent's, read, then dropped
 * (`length = mark`), so a walk allocates nothing per node.
 */
export class ChildList {
  data = new Int32Array(4096);
  length = 0;

  push(slot: number, start: number, end: number, type: number, field: number): void {
    if (this.length + CHILD_STRIDE > this.data.length) {
      const bigger = new Int32Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    const d = this.data;
    const i = this.length;
    d[i] = slot;
    d[i + 1] = start;
    d[i + 2] = end;
    d[i + 3] = type;
    d[i + 4] = field;
    this.length = i + CHILD_STRIDE;
  }
}

// TSLanguage (lib/parser.h), wasm32: nine uint32s, a uint16, then pointers from offset 40.
const LANG_MAX_ALIAS_SEQUENCE_LENGTH = 36;
const LANG_FIELD_COUNT = 32;
const LANG_FIELD_MAP_SLICES = 64;
const LANG_FIELD_MAP_ENTRIES = 68;
const LANG_PUBLIC_SYMBOL_MAP = 76;
const LANG_ALIAS_SEQUENCES = 84;

// SubtreeHeapData (lib/subtree.h), wasm32.
const HEAP_PADDING_BYTES = 4;
const HEAP_SIZE_BYTES = 16;
const HEAP_ERROR_COST = 32;
const HEAP_CHILD_COUNT = 36;
const HEAP_SYMBOL = 40;
const HEAP_FLAGS = 44; // visible: bit 0, extra: bit 2; is_missing: bit 9 (bit 1 of the next byte)
const HEAP_PRODUCTION_ID = 66;
// SubtreeInlineData: byte 0 holds is_inline (bit 0), visible (bit 1), extra (bit 3), is_missing (bit 5); byte 1 the symbol;
// byte 6 the padding's bytes, byte 7 the size's bytes.

export const SYMBOL_ERROR = 65535;

export class TreeMemory {
  private readonly maxAliasLength: number;
  private readonly fieldCount: number;
  private readonly fieldMapSlices: number;
  private readonly fieldMapEntries: number;
  private readonly publicSymbolMap: number;
  private readonly aliasSequences: number;
  private u8!: Uint8Array;
  private u16!: Uint16Array;
  private u32!: Uint32Array;

  constructor(
    private readonly heap: WasmHeap,
    language: number,
  ) {
    this.refresh();
    const u32 = this.u32;
    this.maxAliasLength = this.u16[(language + LANG_MAX_ALIAS_SEQUENCE_LENGTH) >> 1];
    this.fieldCount = u32[(language + LANG_FIELD_COUNT) >> 2];
    this.fieldMapSlices = u32[(language + LANG_FIELD_MAP_SLICES) >> 2];
    this.fieldMapEntries = u32[(language + LANG_FIELD_MAP_ENTRIES) >> 2];
    this.publicSymbolMap = u32[(language + LANG_PUBLIC_SYMBOL_MAP) >> 2];
    this.aliasSequences = u32[(language + LANG_ALIAS_SEQUENCES) >> 2];
  }

  /** Takes the current views: memory may have grown (and its buffer been replaced) since the last walk. */
  refresh(): void {
    this.u8 = this.heap.HEAPU8;
    this.u16 = this.heap.HEAPU16;
    this.u32 = this.heap.HEAPU32;
  }

  /** Whether the subtree whose slot is at `slot` is a MISSING leaf (inserted by error recovery). */
  isMissing(slot: number): boolean {
    const u8 = this.u8;
    if (u8[slot] & 1) return (u8[slot] & 32) !== 0;
    return (u8[this.u32[slot >> 2] + HEAP_FLAGS + 1] & 2) !== 0;
  }

  /** Whether the subtree at `slot` holds a syntax error (`ts_node_has_error`: its error cost is not 0). */
  hasError(slot: number): boolean {
    if (this.isMissing(slot)) return true;
    return !(this.u8[slot] & 1) && this.u32[(this.u32[slot >> 2] + HEAP_ERROR_COST) >> 2] > 0;
  }

  /**
   * Appends, for each visible child of the node whose `Subtree` slot is at
   * `slot` and which starts at `startIndex`, the address of its slot, its start
   * and end offsets (UTF-16 code units: web-tree-sitter parses UTF-16, and
   * tree-sitter counts bytes), its public symbol (the cursor's `nodeTypeId`)
   * and its field id (0 for none): `CHILD_STRIDE` numbers a child.
   * Call `refresh` once before a walk.
   */
  visibleChildren(slot: number, startIndex: number, out: ChildList): void {
    if (this.u8[slot] & 1) return; // an inline subtree is a leaf
    const ptr = this.u32[slot >> 2];
    if (this.u32[(ptr + HEAP_CHILD_COUNT) >> 2] === 0) return;
    this.walkChildren(ptr, startIndex * 2, 0, out);
  }

  private walkChildren(ptr: number, position: number, fallbackField: number, out: ChildList): void {
    const { u8, u16, u32 } = this;
    const childCount = u32[(ptr + HEAP_CHILD_COUNT) >> 2];
    const productionId = u16[(ptr + HEAP_PRODUCTION_ID) >> 1];
    const aliases = productionId ? this.aliasSequences + productionId * this.maxAliasLength * 2 : 0;
    let fieldsFrom = 0;
    let fieldsTo = 0;
    if (this.fieldCount > 0) {
      const slice = this.fieldMapSlices + productionId * 4;
      fieldsFrom = this.fieldMapEntries + u16[slice >> 1] * 4;
      fieldsTo = fieldsFrom + u16[(slice + 2) >> 1] * 4;
    }
    const first = ptr - childCount * 8;
    let structuralIndex = 0;
    for (let i = 0; i < childCount; i++) {
      const slot = first + i * 8;
      const inline = (u8[slot] & 1) === 1;
      const childPtr = inline ? 0 : u32[slot >> 2];
      let visible: boolean;
      let extra: boolean;
      let symbol: number;
      let size: number;
      if (inline) {
        const flags = u8[slot];
        visible = (flags & 2) !== 0;
        extra = (flags & 8) !== 0;
        symbol = u8[slot + 1];
        if (i > 0) position += u8[slot + 6];
        size = u8[slot + 7];
      } else {
        const flags = u8[childPtr + HEAP_FLAGS];
        visible = (flags & 1) !== 0;
        extra = (flags & 4) !== 0;
        symbol = u16[(childPtr + HEAP_SYMBOL) >> 1];
        if (i > 0) position += u32[(childPtr + HEAP_PADDING_BYTES) >> 2];
        size = u32[(childPtr + HEAP_SIZE_BYTES) >> 2];
      }
      let alias = 0;
      let field = 0;
      if (!extra) {
        if (aliases) {
          alias = u16[(aliases + structuralIndex * 2) >> 1];
          if (alias) visible = true;
        }
        for (let e = fieldsFrom; e < fieldsTo; e += 4) {
          // TSFieldMapEntry: field_id (uint16), child_index (uint8), inherited (bool).
          if (u8[e + 3] === 0 && u8[e + 2] === structuralIndex) {
            field = u16[e >> 1];
            break;
          }
        }
        // A field given to a hidden node passes to its visible descendants (as the cursor walks up hidden nodes).
        if (!field) field = fallbackField;
        structuralIndex++;
      }
      if (visible) {
        const sym = alias || symbol;
        out.push(
          slot,
          position >> 1,
          (position + size) >> 1,
          sym === SYMBOL_ERROR ? sym : u16[(this.publicSymbolMap + sym * 2) >> 1],
          field,
        );
      } else if (childPtr && u32[(childPtr + HEAP_CHILD_COUNT) >> 2] > 0) {
        this.walkChildren(childPtr, position, field, out);
      }
      position += size;
    }
  }
}
