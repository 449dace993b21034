/**
 * The workspace's own modules for the interpreter's `ModuleLoader`: which
 * file a dotted name is, found as Python's path finder finds it, read
 * through a `ModuleSourceProvider` (the language server's reads open
 * documents first, then disk; the CLI's reads disk; both only `.py` files
 * inside the workspace) and parsed once per file version. No I/O here.
 */

import type { ModuleLoader, ModuleSource } from '../interpret';
import { lineStartsOf, type PyNode } from '../syntax/ast';
import { AstCache } from '../syntax/treeCopy';
import type { PythonParser } from '../syntax/parser';

/** What the interpreter may read of the workspace. Paths use `/`. */
export interface ModuleSourceProvider {
  /** Folders searched for absolute imports after the analysed file's own folder (`sys.path`'s roots). */
  readonly roots: readonly string[];
  /**
   * A `.py` file inside the workspace: its text and a version that changes
   * with it (an open document's version, a file's modification time);
   * undefined when there is no such file or it is not one the provider may read.
   */
  read(file: string): { text: string; version: string } | undefined;
}

/** The analysed file, where it is, and how to read the modules it imports. */
export interface Workspace {
  /** The analysed file's path (`/`-separated); undefined for a text of no file (its folder is then unknown). */
  file: string | undefined;
  provider: ModuleSourceProvider;
  cache: ModuleParseCache;
}

/** Parsed modules by file, each kept for one version of its text (the next version parses again). */
export class ModuleParseCache {
  private readonly entries = new Map<string, { version: string; module: PyNode }>();
  private static readonly MAX = 500;

  constructor(private readonly parser: PythonParser) {}

  get(file: string, version: string, text: string): PyNode {
    const hit = this.entries.get(file);
    if (hit && hit.version === version) return hit.module;
    const tree = this.parser.parse(text);
    let module: PyNode;
    try {
      module = new AstCache().build(tree, text, lineStartsOf(text));
    } finally {
      tree.delete();
    }
    if (this.entries.size >= ModuleParseCache.MAX) this.entries.clear();
    this.entries.set(file, { version, module });
    return module;
  }

  /** Forgets a file (closed, deleted). */
  drop(file: string): void {
    this.entries.delete(file);
  }
}

export function dirname(file: string): string {
  const i = file.lastIndexOf('/');
  return i <= 0 ? (i === 0 ? '/' : '.') : file.slice(0, i);
}

const join = (dir: string, rel: string) => (dir.endsWith('/') ? dir + rel : `${dir}/${rel}`);

/** A loader over the workspace for one analysis of `workspace.file`. */
export function workspaceLoader(workspace: Workspace): ModuleLoader {
  const { file, provider, cache } = workspace;
  return {
    find(name: string, level: number, from: string | undefined): ModuleSource | undefined {
      const importer = from ?? file;
      let dirs: string[];
      if (level === 0) {
        dirs = [...(file ? [dirname(file)] : []), ...provider.roots];
      } else {
        if (!importer) return undefined;
        let dir = dirname(importer);
        for (let i = 1; i < level; i++) dir = dirname(dir);
        dirs = [dir];
      }
      const rel = name.split('.').join('/');
      for (const dir of new Set(dirs)) {
        // A package's folder comes before a module file of the same name, as Python's path finder looks.
        const candidates: Array<[string, boolean]> =
          name === ''
            ? [[join(dir, '__init__.py'), true]]
            : [
                [join(dir, `${rel}/__init__.py`), true],
                [join(dir, `${rel}.py`), false],
              ];
        for (const [path, isPackage] of candidates) {
          const source = provider.read(path);
          if (source) return { path, isPackage, module: cache.get(path, source.version, source.text) };
        }
      }
      return undefined;
    },
  };
}
