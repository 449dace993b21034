/**
 * The only module that loads web-tree-sitter. It finds the runtime
 * (`tree-sitter.wasm`) and the Python grammar in `grammars/`, which the build
 * copies there from the pinned npm packages, and hands out one shared parser.
 *
 * Parsing never fails: tree-sitter returns a tree with ERROR/MISSING nodes for
 * broken code, and callers analyse what they can.
 */

import * as fs from 'fs';
import * as path from 'path';
// `import = require` makes bundlers take the package's CommonJS build: its ESM
// build finds tree-sitter.wasm through `import.meta.url`, which a CJS bundle lacks.
import TreeSitter = require('web-tree-sitter');
import type { Tree } from 'web-tree-sitter';

const { Language, Parser } = TreeSitter;

export type { Node as SyntaxNode, Tree, Point, Edit } from 'web-tree-sitter';

let ready: Promise<PythonParser> | undefined;

/** Characters handed to the parser per read. */
const CHUNK = 256;

/** A Python parser over the bundled grammar. */
export interface PythonParser {
  parse(text: string, previous?: Tree): Tree;
  /** The grammar's ABI version, as loaded. */
  abiVersion: number;
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
    await Parser.init({ locateFile: (file: string) => path.join(dir, file) });
    const python = await Language.load(path.join(dir, 'tree-sitter-python.wasm'));
    const parser = new Parser();
    parser.setLanguage(python);
    return {
      parse: (text: string, previous?: Tree) => {
        // Hand the text over in small chunks: given a whole string, web-tree-sitter copies
        // up to 10 KB from every position the lexer asks for, which dominates an incremental parse.
        const tree = parser.parse((index: number) => (index < text.length ? text.slice(index, index + CHUNK) : ''), previous ?? null);
        if (!tree) throw new Error('tree-sitter returned no tree');
        return tree;
      },
      abiVersion: python.abiVersion,
    };
  })();
  return ready;
}
