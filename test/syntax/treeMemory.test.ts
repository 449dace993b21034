/**
 * The tree read from WebAssembly memory (`syntax/treeMemory.ts`) must be the
 * tree the cursor reads, node for node: types, named-ness, spans, texts and
 * fields. Compared on every Python file of the test suite and the shared truth,
 * on a file large enough to make WebAssembly memory grow, and on text with
 * characters outside the BMP (offsets are UTF-16 code units, tree-sitter's are bytes).
 */

import * as assert from 'assert';
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { dumpTree } from '../../server/src/syntax/ast';
import { toAst } from '../../server/src/syntax/treeCopy';
import { CHECKED_GRAMMARS, loadPythonParser, type PythonParser } from '../../server/src/syntax/parser';
import type { Tree } from 'web-tree-sitter';
import { REPO_ROOT, SHARED_TRUTH } from '../helpers/truth';

function pythonFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return pythonFiles(p);
    return e.name.endsWith('.py') ? [p] : [];
  });
}

/** Both readings of `text`, or null when the tree has a syntax error (compared by the tests of broken text). */
function bothReadings(parser: PythonParser, text: string): { memory: string[]; cursor: string[] } | null {
  const tree = parser.parse(text);
  try {
    if (tree.rootNode.hasError) return null;
    return { memory: dumpTree(toAst(tree, text, 'memory')), cursor: dumpTree(toAst(tree, text, 'cursor')) };
  } finally {
    tree.delete();
  }
}

/** How many MISSING nodes the cursor meets in `tree`. */
function missingNodes(tree: Tree): number {
  const cursor = tree.walk();
  let n = 0;
  for (let depth = 0; ;) {
    if (cursor.nodeIsMissing) n++;
    if (cursor.gotoFirstChild()) depth++;
    else {
      while (depth > 0 && !cursor.gotoNextSibling()) {
        cursor.gotoParent();
        depth--;
      }
      if (depth === 0) break;
    }
  }
  cursor.delete();
  return n;
}

function assertSameReading(parser: PythonParser, text: string, label: string): void {
  const r = bothReadings(parser, text);
  assert.ok(r, `${label}: expected a tree without syntax errors`);
  const i = r.memory.findIndex((line, k) => line !== r.cursor[k]);
  assert.strictEqual(
    i === -1 ? r.memory.length : i,
    r.cursor.length,
    `${label}: first difference at node ${i}:\n  memory: ${r.memory[i]}\n  cursor: ${r.cursor[i]}`,
  );
}

describe('syntax: reading trees from WebAssembly memory', function () {
  // Every Python file of the tests read both ways: seconds on a quiet machine, more on a busy one.
  this.timeout(120000);
  let parser: PythonParser;
  before(async () => {
    parser = await loadPythonParser();
  });

  it("is checked here on the files the server trusts without a probe: the pinned packages' runtime and grammar", () => {
    const pinned = {
      'tree-sitter.wasm': require.resolve('web-tree-sitter/tree-sitter.wasm'),
      'tree-sitter-python.wasm': path.join(
        path.dirname(require.resolve('tree-sitter-python/package.json')),
        'tree-sitter-python.wasm',
      ),
    };
    const sha = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');
    assert.deepStrictEqual(
      CHECKED_GRAMMARS,
      Object.fromEntries(Object.entries(pinned).map(([name, file]) => [name, sha(file)])),
      'a new runtime or grammar: run these tests, then record its SHA-256 in CHECKED_GRAMMARS',
    );
  });

  it('reads every valid Python file of the tests and the shared truth as the cursor does', () => {
    const files = [
      ...pythonFiles(path.join(REPO_ROOT, 'test')),
      ...pythonFiles(path.join(REPO_ROOT, 'examples')),
      ...pythonFiles(SHARED_TRUTH),
    ];
    let compared = 0;
    for (const file of files) {
      const text = fs.readFileSync(file, 'utf8');
      if (!bothReadings(parser, text)) continue;
      assertSameReading(parser, text, path.relative(REPO_ROOT, file));
      compared++;
    }
    assert.ok(compared >= 100, `only ${compared} files compared`);
  });

  it('reads text with astral characters and CRLF line ends (UTF-16 offsets) as the cursor does', () => {
    const text = 'x = "🙂 ok"  # 🎉\r\ny = f"{x!r} 𝔘" + "\\u00e9"\r\ndef f(a, é=1):\r\n    return [a, é, "𝔘𝔘"]\r\n';
    assertSameReading(parser, text, 'astral');
  });

  it('still reads as the cursor does after WebAssembly memory has grown', function () {
    // Thousands of whole analyses: seconds on a quiet machine, more on a busy one; mocha's 20 s is too tight.
    this.timeout(120000);
    const block = (i: number) =>
      `def block_${i}(x, units=${i}):\n    y = layers.Dense(units, name=f"d{i}")(x)\n    return [y for _ in range(2)] + [{"k": y}]\n`;
    const big = Array.from({ length: 6000 }, (_, i) => block(i)).join('');
    assertSameReading(parser, big, '18,000 lines');
    assertSameReading(
      parser,
      'import keras\nm = keras.Sequential([keras.layers.Dense(2)])\n',
      'small file after a big one',
    );
  });

  it('reads a tree with ERROR and MISSING nodes as the cursor does', () => {
    // An unclosed call (MISSING `)`), an unterminated string, a stray token, broken lines between valid ones.
    const texts = [
      'model = keras.Sequential([\n    layers.Dense(2\n',
      'x = f(1, 2\ny = 3\n',
      `"${'\\\\'.repeat(40)}\n`.repeat(20),
      'def f(:\n    return 1\nclass C(\n  pass\nz = [1, 2,, 3]\nw = 4 +\n',
      'if x\n    y = 1\nelse:\n  z = $\n',
    ];
    let missing = 0;
    for (const text of texts) {
      const tree = parser.parse(text);
      try {
        assert.ok(tree.rootNode.hasError, text);
        missing += missingNodes(tree);
        const memory = dumpTree(toAst(tree, text, 'memory'));
        assert.deepStrictEqual(memory, dumpTree(toAst(tree, text, 'cursor')), text);
        assert.ok(
          memory.some((line) => line.includes(' ERR ')),
          'the copy marks the error',
        );
      } finally {
        tree.delete();
      }
    }
    assert.ok(missing > 0, 'a MISSING node among the texts');
  });

  it('reads broken versions of the Python files of the tests as the cursor does', () => {
    const files = [...pythonFiles(path.join(REPO_ROOT, 'examples')), ...pythonFiles(SHARED_TRUTH)].filter(
      (_, i) => i % 4 === 0,
    );
    let broken = 0;
    for (const [k, file] of files.entries()) {
      const source = fs.readFileSync(file, 'utf8');
      // A bracket, a quote or a colon left somewhere: the statements after it are then inside an ERROR, or beside it.
      for (const [j, breaker] of ['(', '"""', ':', ')', '[', 'def '].entries()) {
        const at = Math.floor((((k * 7 + j * 13) % 17) / 17) * source.length);
        const text = source.slice(0, at) + breaker + source.slice(at);
        const tree = parser.parse(text);
        try {
          if (!tree.rootNode.hasError) continue;
          broken++;
          const auto = dumpTree(toAst(tree, text, 'memory'));
          const cursor = dumpTree(toAst(tree, text, 'cursor'));
          const i = auto.findIndex((line, n) => line !== cursor[n]);
          assert.strictEqual(
            i,
            -1,
            `${path.relative(REPO_ROOT, file)}, ${breaker} at ${at}: node ${i}:\n  ${auto[i]}\n  ${cursor[i]}`,
          );
          assert.strictEqual(auto.length, cursor.length);
        } finally {
          tree.delete();
        }
      }
    }
    assert.ok(broken >= 100, `only ${broken} broken files compared`);
  });
});
