/**
 * The only module that loads web-tree-sitter. It finds the runtime
 * (`tree-sitter.wasm`) and the Python grammar in `grammars/`, which the build
 * copies there from the pinned npm packages, and hands out one shared parser.
 *
 * Parsing never fails: tree-sitter returns a tree with ERROR/MISSING nodes for
 * broken code, and callers analyse what they can.
 */

import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
// `import = require` makes bundlers take the package's CommonJS build: its ESM
// build finds tree-sitter.wasm through `import.meta.url`, which a CJS bundle lacks.
import TreeSitter = require('web-tree-sitter');
import type { Tree } from 'web-tree-sitter';
import { dumpTree } from './ast';
import { toAst, useTreeMemory } from './treeCopy';
import { TreeMemory, type WasmHeap } from './treeMemory';

const { Language, Parser } = TreeSitter;

export type { Tree } from 'web-tree-sitter';

let ready: Promise<PythonParser> | undefined;

/** Characters handed to the parser per read. */
const CHUNK = 256;

/** A Python parser over the bundled grammar. */
export interface PythonParser {
  /** Throws if tree-sitter fails (the parser is then replaced by a fresh one: the caller parses again from scratch). */
  parse(text: string, previous?: Tree): Tree;
  /** The grammar's ABI version, as loaded. */
  abiVersion: number;
  /** How many times a failed parse replaced the parser. */
  readonly resets: number;
}

/**
 * SHA-256 of the runtime and grammar of the pinned packages, whose memory layout the tests hold to the
 * cursor's reading on every Python file of the suite (`test/syntax/treeMemory.test.ts`, which also checks
 * these are the packages' files). With exactly these files the probe check at load is not needed; it
 * walks the probe with the cursor, code nothing else runs that early, a tenth of the server's start.
 */
export const CHECKED_GRAMMARS: Readonly<Record<string, string>> = {
  'tree-sitter.wasm': 'f38dcc4b43b818f9a0785bc1c6d5611a75ac4cdd428ff3f02757c34ca4e46d7f',
  'tree-sitter-python.wasm': '16108b50df4ee9a30168794252ab55e7c93bfc5765d7fa0aa3e335752c515f47',
};

/** Whether `dir` holds the checked runtime and grammar. */
function checkedGrammars(dir: string): boolean {
  return Object.entries(CHECKED_GRAMMARS).every(([file, sha]) => {
    try {
      return (
        createHash('sha256')
          .update(fs.readFileSync(path.join(dir, file)))
          .digest('hex') === sha
      );
    } catch {
      return false;
    }
  });
}

/** Where the `.wasm` files are: `grammars/` beside the bundle or at the repository root. */
export function grammarDir(): string {
  const candidates = [
    path.resolve(__dirname, '..', 'grammars'),
    path.resolve(__dirname, '..', '..', '..', 'grammars'),
    path.resolve(__dirname, 'grammars'),
  ];
  const found = candidates.find((d) => fs.existsSync(path.join(d, 'tree-sitter-python.wasm')));
  if (!found) {
    throw new Error(`Shape Lens: grammars not found (looked in ${candidates.join(', ')}); run \`npm run build\`.`);
  }
  return found;
}

/** Loads the runtime and grammar once; later calls share the same parser. */
export function loadPythonParser(): Promise<PythonParser> {
  ready ??= (async () => {
    const dir = grammarDir();
    // web-tree-sitter's module object is the options object given to `init`: it receives the memory views.
    const module: Partial<WasmHeap> & { locateFile(file: string): string } = {
      locateFile: (file: string) => path.join(dir, file),
    };
    await Parser.init(module);
    // The bytes, not the path: given a path, web-tree-sitter reads it through a dynamic `import()`, which
    // a bundle compiled from V8's code cache cannot make (`lsp/boot.ts`).
    const python = await Language.load(fs.readFileSync(path.join(dir, 'tree-sitter-python.wasm')));
    const fresh = () => new Parser().setLanguage(python);
    let parser = fresh();
    useTreeMemory(undefined);
    const language = (python as unknown as { 0: number })[0];
    useTreeMemory(
      checkedGrammars(dir) && module.HEAPU8 && module.HEAPU16 && module.HEAPU32 && language
        ? new TreeMemory(module as WasmHeap, language)
        : checkedTreeMemory(module, language, (text) => parser.parse(text)),
    );
    let resets = 0;
    return {
      parse: (text: string, previous?: Tree) => {
        try {
          // Hand the text over in small chunks: given a whole string, web-tree-sitter copies
          // up to 10 KB from every position the lexer asks for, which dominates an incremental parse.
          const tree = parser.parse((index: number) => readChunk(text, index), previous ?? null);
          if (!tree) throw new Error('tree-sitter returned no tree');
          return tree;
        } catch (e) {
          // A parse that stops half-way (a trap in WebAssembly, an abort, a throw while reading) leaves
          // its state in the parser, and the next parse would resume it on another text: a fresh
          // parser, so that one file cannot poison the next.
          resets++;
          try {
            parser.delete();
          } catch {
            // Its memory may be what failed: it is dropped either way.
          }
          parser = fresh();
          throw e;
        }
      },
      abiVersion: python.abiVersion,
      get resets() {
        return resets;
      },
    };
  })();
  return ready;
}

/**
 * The text from `index`, at most CHUNK characters. A lone `\r` ends a line for Python (and LSP) but
 * not for the grammar, so the parser reads it as `\n`: same length, offsets unchanged.
 */
function readChunk(text: string, index: number): string {
  if (index >= text.length) return '';
  const chunk = text.slice(index, index + CHUNK);
  if (chunk.indexOf('\r') < 0) return chunk;
  const lone = chunk.replace(/\r(?!\n)/g, '\n');
  // A `\r` closing the chunk is lone only if the text goes on without a `\n`.
  return lone.endsWith('\n') && chunk.endsWith('\r') && text.charCodeAt(index + chunk.length) === 10
    ? lone.slice(0, -1) + '\r'
    : lone;
}

/**
 * A reader of trees in WebAssembly memory, if it reads this probe exactly as
 * the cursor does (the reader depends on the runtime's memory layout: a
 * runtime other than the pinned one must not be read that way).
 */
function checkedTreeMemory(
  heap: Partial<WasmHeap>,
  language: number,
  parse: (text: string) => Tree | null,
): TreeMemory | undefined {
  if (!heap.HEAPU8 || !heap.HEAPU16 || !heap.HEAPU32 || !language) return undefined;
  const memory = new TreeMemory(heap as WasmHeap, language);
  for (const probe of [PROBE, BROKEN_PROBE]) {
    const tree = parse(probe);
    if (!tree) return undefined;
    try {
      useTreeMemory(memory);
      const same =
        dumpTree(toAst(tree, probe, 'memory')).join('\n') === dumpTree(toAst(tree, probe, 'cursor')).join('\n');
      if (!same) return undefined;
    } catch {
      return undefined;
    } finally {
      useTreeMemory(undefined);
      tree.delete();
    }
  }
  return memory;
}

/** Python with syntax errors: ERROR nodes, a MISSING leaf, an unterminated string. */
const BROKEN_PROBE = 'def f(:\n    return 1\nclass C(\n  pass\nz = [1, 2,, 3]\nw = 4 +\ns = "\\\\\\\\\nm = g(1,\n';

/** Python with most of the grammar's node kinds, fields and aliases. */
const PROBE = `"""Probe."""
from __future__ import annotations
import os.path as osp, sys
from .pkg import (a as b, c)
from keras import *

@decorator(1, key="v")
class Block(Base, metaclass=Meta):
    """Doc."""
    size: int = 3  # comment

    def __init__(self, *args, units: int = 4, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.units, (x, *rest) = units, [1, 2.5, 0x1F, 1e-3, 2j]
        global G
        del x[0], rest

    async def call(self, inputs, /, training=None, *, mask=None):
        async with ctx() as c, other():
            await c
        nonlocal_ = lambda y, z=2: y if z else -y
        return [i ** 2 for i in range(10) if i % 2 == 0 and not i in {1, 2}]

def gen():
    yield from (k for k in {"a": 1, **extra})
    x = y = z = (w := 5)
    x += 1; x //= 2; x @= m
    assert x is not None, f"{x!r:>10} and {y:.{z}f} {{literal}}"
    s = r"raw\\d" "implicit" f"concat{x}"; b = b"bytes"
    t = a[1:2, ::3, ...], a[-1], not a, ~a, a << 2 | b & c ^ d
    if a < b <= c != d: pass
    elif a in b or a not in c: ...
    else:
        while True:
            break
        else:
            continue
    for i, (j, k) in enumerate(z): print(i, end="")
    else: raise ValueError("v") from None
    try:
        import sys
    except (TypeError, ValueError) as e:
        pass
    except* OSError:
        pass
    finally:
        return {*s, *t}
    with open(p) as f, \
            open(q):
        pass
    match command:
        case [x, y, *rest] if x > 0:
            pass
        case {"k": v, **kw}:
            pass
        case Point(x=0) | None:
            pass
        case _:
            pass
    type Alias = list[int]
    print(*args, sep="", **kw)
    exec("code")
`;
