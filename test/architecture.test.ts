/**
 * The layering written down in ARCHITECTURE.md, checked: each source folder
 * may import only the folders below it; only `syntax/` loads web-tree-sitter,
 * only `lsp/` the LSP libraries, only `client/` vscode; the wings of
 * `interpret/` import only the wings below them; and no module of the
 * server or the client imports itself back at run time, directly or through
 * others. Imports written `import type` / `export type` (or with every name
 * marked `type`) are erased by the compiler and never run: they are allowed
 * anywhere a run-time import is not. Node's `url` is not used at all: file
 * URIs and paths are converted with `vscode-uri`.
 */

import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { REPO_ROOT } from './helpers/truth';

const SRC = path.join(REPO_ROOT, 'server', 'src');
const ROOTS = [SRC, path.join(REPO_ROOT, 'client', 'src')];

/** Folder -> folders of server/src it may import (besides itself). */
const ALLOWED: Record<string, string[]> = {
  shapes: [],
  syntax: [],
  interpret: ['shapes', 'syntax'],
  analysis: ['interpret', 'shapes', 'syntax'],
  lsp: ['analysis', 'interpret', 'shapes', 'syntax'],
  cli: ['analysis', 'interpret', 'shapes', 'syntax', 'lsp'],
};

/**
 * interpret/'s wings and the wings each may import at run time. The shared
 * data (`values.ts`, `records.ts`, `graph.ts`) may be imported by every wing and imports
 * none; `index.ts` wires them all. The Python evaluator may not even name
 * another wing's types: it knows libraries only through its host interface.
 */
const WINGS: Record<string, string[]> = {
  python: [],
  ops: ['python'],
  numpy: ['python', 'ops'],
  applications: ['python', 'ops'],
  keras: ['python', 'ops', 'numpy', 'applications'],
  incremental: ['python', 'ops', 'numpy', 'applications', 'keras'],
};
const SHARED = ['values.ts', 'records.ts', 'graph.ts'];
const WIRING = ['index.ts'];
const TYPES_TOO = new Set(['python']);

/** Packages only one folder may use. */
const PACKAGE_OWNERS: Array<[RegExp, string]> = [
  [/^web-tree-sitter$/, 'syntax'],
  [/^vscode-languageserver/, 'lsp'],
  [/^vscode-jsonrpc/, 'lsp'],
];

/** Modules no source of the server or the client imports, with the one to use instead. */
const REPLACED: Array<[RegExp, string]> = [[/^(node:)?url$/, 'file URIs and paths are converted with vscode-uri']];

/** The engine is pure: no IO, no protocol, no syntax trees. */
const FORBIDDEN_IN_SHAPES = [/^fs$/, /^path$/, /^child_process$/, /^vscode/, /^web-tree-sitter$/];

interface ImportRef {
  spec: string;
  /** False when the compiler erases it (type-only). */
  runtime: boolean;
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return e.name.endsWith('.ts') ? [p] : [];
  });
}

/**
 * The imports of a TypeScript source, statement by statement (a statement
 * may span lines): `import ... from`, `export ... from`, `import 'x'`,
 * `import x = require('x')`, `require('x')` and `import('x')`.
 */
function importsOf(text: string): ImportRef[] {
  const refs: ImportRef[] = [];
  // The clause between the keyword and `from` holds no quote, semicolon, parenthesis or `=`, so a
  // match never runs past its own statement.
  const statement = /^[ \t]*(import|export)\s+(type\s+)?([^;()='"`]*?)\s*from\s*['"]([^'"]+)['"]/gm;
  for (const m of text.matchAll(statement)) refs.push({ spec: m[4], runtime: !m[2] && !onlyTypes(m[3]) });
  for (const m of text.matchAll(/^[ \t]*import\s*['"]([^'"]+)['"]/gm)) refs.push({ spec: m[1], runtime: true });
  for (const m of text.matchAll(/\b(?:require|import)\(\s*['"]([^'"]+)['"]\s*\)/g))
    refs.push({ spec: m[1], runtime: true });
  return refs;
}

/** `{ type A, type B }`: every name marked as a type (a default or namespace import is a value). */
function onlyTypes(clause: string): boolean {
  const names = /^\{([\s\S]*)\}$/.exec(clause.trim());
  if (!names) return false;
  const items = names[1]
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  return items.length > 0 && items.every((s) => /^type\s/.test(s));
}

/** The source file a relative import names (a `.ts` file, or a folder's `index.ts`); undefined for other files. */
function resolveImport(from: string, spec: string): string | undefined {
  const base = path.resolve(path.dirname(from), spec);
  for (const candidate of [`${base}.ts`, path.join(base, 'index.ts'), base])
    if (candidate.endsWith('.ts') && fs.existsSync(candidate)) return candidate;
  return undefined;
}

/** Module -> the modules it imports at run time. */
type ImportGraph = Map<string, string[]>;

/** Every import loop of the graph: each strongly connected component of two or more modules, or a module importing itself. */
function importLoops(graph: ImportGraph): string[][] {
  // Tarjan's algorithm, iterative (a deep chain of imports must not overflow the stack).
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const loops: string[][] = [];
  let next = 0;
  for (const root of graph.keys()) {
    if (index.has(root)) continue;
    const work: Array<{ node: string; edge: number }> = [{ node: root, edge: 0 }];
    index.set(root, next);
    low.set(root, next++);
    stack.push(root);
    onStack.add(root);
    while (work.length > 0) {
      const top = work[work.length - 1];
      const edges = graph.get(top.node) ?? [];
      if (top.edge < edges.length) {
        const to = edges[top.edge++];
        if (!index.has(to)) {
          index.set(to, next);
          low.set(to, next++);
          stack.push(to);
          onStack.add(to);
          work.push({ node: to, edge: 0 });
        } else if (onStack.has(to)) low.set(top.node, Math.min(low.get(top.node)!, index.get(to)!));
        continue;
      }
      work.pop();
      if (work.length > 0) {
        const parent = work[work.length - 1].node;
        low.set(parent, Math.min(low.get(parent)!, low.get(top.node)!));
      }
      if (low.get(top.node) === index.get(top.node)) {
        const component: string[] = [];
        let member: string;
        do {
          member = stack.pop()!;
          onStack.delete(member);
          component.push(member);
        } while (member !== top.node);
        if (component.length > 1 || edges.includes(top.node)) loops.push(component.reverse());
      }
    }
  }
  return loops;
}

/** One path around a loop, for the message: `a.ts -> b.ts -> a.ts`. */
function loopPath(graph: ImportGraph, loop: string[]): string[] {
  const members = new Set(loop);
  const start = loop[0];
  // Breadth-first from the start back to itself, inside the loop.
  const from = new Map<string, string>();
  const queue = [start];
  while (queue.length > 0) {
    const at = queue.shift()!;
    for (const to of graph.get(at) ?? []) {
      if (!members.has(to)) continue;
      if (to === start) {
        const pathBack = [start];
        for (let n: string | undefined = at; n !== undefined && n !== start; n = from.get(n)) pathBack.unshift(n);
        return [start, ...pathBack];
      }
      if (!from.has(to)) {
        from.set(to, at);
        queue.push(to);
      }
    }
  }
  return loop;
}

/** The wing (or `shared`, `wiring`) of a file of server/src/interpret; undefined for a file outside interpret/. */
function wingOf(file: string): string | undefined {
  const rel = path.relative(path.join(SRC, 'interpret'), file).split(path.sep);
  if (rel[0] === '..') return undefined;
  if (rel.length === 1) return SHARED.includes(rel[0]) ? 'shared' : WIRING.includes(rel[0]) ? 'wiring' : `(${rel[0]})`;
  return rel[0];
}

describe('architecture', () => {
  const files = ROOTS.flatMap(sourceFiles);
  const imports = new Map(files.map((f) => [f, importsOf(fs.readFileSync(f, 'utf8'))]));
  const rel = (f: string) => path.relative(REPO_ROOT, f);
  const serverFiles = files.filter((f) => f.startsWith(SRC + path.sep));

  it('finds the source folders it checks', () => {
    const folders = new Set(serverFiles.map((f) => path.relative(SRC, f).split(path.sep)[0]));
    for (const f of ['shapes', 'syntax', 'interpret', 'analysis', 'cli', 'lsp'])
      assert.ok(folders.has(f), `server/src/${f} exists`);
    const wings = new Set(serverFiles.map(wingOf));
    for (const w of Object.keys(WINGS)) assert.ok(wings.has(w), `server/src/interpret/${w} exists`);
  });

  it('reads multi-line imports and tells type-only imports from run-time ones', () => {
    const refs = importsOf(
      [
        "import type { A } from './a';",
        "import {\n  type B,\n  type C,\n} from './b';",
        "import {\n  D,\n  type E,\n} from './c';",
        "export type { F } from './d';",
        "export * from './e';",
        "import G = require('./f');",
        "import './g';",
        "import * as H from './h';",
        'const i = \'import j from "./i"\';',
      ].join('\n'),
    );
    assert.deepStrictEqual(refs.map((r) => [r.spec, r.runtime]).sort(), [
      ['./a', false],
      ['./b', false],
      ['./c', true],
      ['./d', false],
      ['./e', true],
      ['./f', true],
      ['./g', true],
      ['./h', true],
    ]);
  });

  it('finds import loops, and only loops', () => {
    const graph: ImportGraph = new Map([
      ['a', ['b']],
      ['b', ['c', 'd']],
      ['c', ['a']],
      ['d', []],
      ['e', ['e']],
      ['f', ['d']],
    ]);
    const loops = importLoops(graph).map((l) => [...l].sort());
    assert.deepStrictEqual(loops.sort(), [['a', 'b', 'c'], ['e']]);
    assert.deepStrictEqual(loopPath(graph, ['a', 'b', 'c']), ['a', 'b', 'c', 'a']);
  });

  it('imports point downward only', () => {
    const wrong: string[] = [];
    for (const file of serverFiles) {
      const folder = path.relative(SRC, file).split(path.sep)[0];
      if (!(folder in ALLOWED)) wrong.push(`${rel(file)} is in no layer (a folder of server/src listed in ALLOWED)`);
      for (const { spec } of imports.get(file)!) {
        if (spec.startsWith('.')) {
          const target = path.relative(SRC, path.resolve(path.dirname(file), spec)).split(path.sep)[0];
          if (target !== folder && !(ALLOWED[folder] ?? []).includes(target))
            wrong.push(`${rel(file)} imports ${spec} (${folder} -> ${target})`);
        } else {
          for (const [pkg, owner] of PACKAGE_OWNERS)
            if (pkg.test(spec) && folder !== owner)
              wrong.push(`${rel(file)} imports ${spec}, which only ${owner}/ may use`);
          if (folder === 'shapes' && FORBIDDEN_IN_SHAPES.some((r) => r.test(spec)))
            wrong.push(`${rel(file)} imports ${spec}: the engine is pure`);
        }
      }
    }
    assert.deepStrictEqual(wrong, []);
  });

  it('no source uses a module the project has replaced (server and client)', () => {
    const wrong: string[] = [];
    for (const file of files)
      for (const { spec } of imports.get(file)!)
        for (const [module, instead] of REPLACED)
          if (module.test(spec)) wrong.push(`${rel(file)} imports ${spec}: ${instead}`);
    assert.deepStrictEqual(wrong, []);
  });

  it('each file of interpret/ is in a wing, and a wing imports only the wings below it', () => {
    const wrong: string[] = [];
    for (const file of serverFiles) {
      const wing = wingOf(file);
      if (wing === undefined) continue;
      if (wing.startsWith('(') || !(wing in WINGS || wing === 'shared' || wing === 'wiring')) {
        wrong.push(`${rel(file)} is in no wing (a wing's folder, the shared ${SHARED.join('/')}, or index.ts)`);
        continue;
      }
      for (const { spec, runtime } of imports.get(file)!) {
        if (!spec.startsWith('.')) continue;
        const target = resolveImport(file, spec);
        const to = target && wingOf(target);
        if (!to || to === wing || to === 'shared' || wing === 'wiring') continue;
        const allowed = wing === 'shared' ? [] : (WINGS[wing] ?? []);
        if (allowed.includes(to)) continue;
        if (runtime || TYPES_TOO.has(wing) || to === 'wiring')
          wrong.push(`${rel(file)} imports ${spec}${runtime ? '' : ' (types)'}: ${wing} -> ${to}`);
      }
    }
    assert.deepStrictEqual(wrong, []);
  });

  it('no module imports itself back at run time (server and client)', () => {
    const graph: ImportGraph = new Map();
    for (const file of files) {
      const targets = imports
        .get(file)!
        .filter((r) => r.runtime && r.spec.startsWith('.'))
        .map((r) => resolveImport(file, r.spec))
        .filter((t): t is string => t !== undefined);
      graph.set(file, [...new Set(targets)]);
    }
    const loops = importLoops(graph).map((loop) => loopPath(graph, loop).map(rel).join(' -> '));
    assert.deepStrictEqual(loops, []);
  });

  it('the pinned grammar packages are the ones in package.json', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
    for (const name of ['web-tree-sitter', 'tree-sitter-python']) {
      const installed = JSON.parse(
        fs.readFileSync(path.join(REPO_ROOT, 'node_modules', name, 'package.json'), 'utf8'),
      ).version;
      assert.strictEqual(installed, pkg.devDependencies[name], `${name} installed ${installed}`);
      assert.match(pkg.devDependencies[name], /^\d+\.\d+\.\d+$/, `${name} is pinned to an exact version`);
    }
  });
});
