/**
 * The layering written down in ARCHITECTURE.md, checked: each source folder
 * may import only the folders below it, and only `syntax/` loads
 * web-tree-sitter, only `lsp/` the LSP libraries, only `client/` vscode.
 */

import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { REPO_ROOT } from './helpers/truth';

const SRC = path.join(REPO_ROOT, 'server', 'src');

/** Folder -> folders of server/src it may import (besides itself). */
const ALLOWED: Record<string, string[]> = {
  shapes: [],
  syntax: [],
  interpret: ['shapes', 'syntax'],
  analysis: ['interpret', 'shapes', 'syntax'],
  lsp: ['analysis', 'interpret', 'shapes', 'syntax'],
  cli: ['analysis', 'interpret', 'shapes', 'syntax', 'lsp'],
};

/** Packages only one folder may use. */
const PACKAGE_OWNERS: Array<[RegExp, string]> = [
  [/^web-tree-sitter$/, 'syntax'],
  [/^vscode-languageserver/, 'lsp'],
  [/^vscode-jsonrpc/, 'lsp'],
];

/** The engine is pure: no IO, no protocol, no syntax trees. */
const FORBIDDEN_IN_SHAPES = [/^fs$/, /^path$/, /^child_process$/, /^vscode/, /^web-tree-sitter$/];

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return e.name.endsWith('.ts') ? [p] : [];
  });
}

function importsOf(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  const specs: string[] = [];
  for (const m of text.matchAll(
    /(?:import|export)\s[^'";]*?from\s+['"]([^'"]+)['"]|require\(\s*['"]([^'"]+)['"]\s*\)|import\s+['"]([^'"]+)['"]/g,
  )) {
    specs.push(m[1] ?? m[2] ?? m[3]);
  }
  return specs;
}

describe('architecture', () => {
  const files = sourceFiles(SRC);

  it('finds the source folders it checks', () => {
    const folders = new Set(files.map((f) => path.relative(SRC, f).split(path.sep)[0]));
    for (const f of ['shapes', 'syntax', 'interpret', 'analysis', 'cli'])
      assert.ok(folders.has(f), `server/src/${f} exists`);
  });

  it('imports point downward only', () => {
    const wrong: string[] = [];
    for (const file of files) {
      const folder = path.relative(SRC, file).split(path.sep)[0];
      for (const spec of importsOf(file)) {
        if (spec.startsWith('.')) {
          const target = path.relative(SRC, path.resolve(path.dirname(file), spec)).split(path.sep)[0];
          if (target !== folder && !(ALLOWED[folder] ?? []).includes(target))
            wrong.push(`${path.relative(REPO_ROOT, file)} imports ${spec} (${folder} -> ${target})`);
        } else {
          for (const [pkg, owner] of PACKAGE_OWNERS)
            if (pkg.test(spec) && folder !== owner)
              wrong.push(`${path.relative(REPO_ROOT, file)} imports ${spec}, which only ${owner}/ may use`);
          if (folder === 'shapes' && FORBIDDEN_IN_SHAPES.some((r) => r.test(spec)))
            wrong.push(`${path.relative(REPO_ROOT, file)} imports ${spec}: the engine is pure`);
        }
      }
    }
    assert.deepStrictEqual(wrong, []);
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
