/**
 * The workspace's own modules: `from blocks import conv_block`, `import
 * models.unet as unet`, `from .layers import X`. The evaluator does no I/O:
 * it asks a `ModuleLoader` (given by whoever runs it; `analysis/modules.ts`
 * implements it over a module source provider) for a module's syntax, and
 * runs it once per program, as Python's module cache does (a cycle finds
 * the module as far as it has run). A module the loader does not find is
 * left to the host, as before: a library, or unknown.
 *
 * While a module's code runs on behalf of the file (its top level at the
 * import, a function or method it defines called from the file), every span
 * taken is the file's own statement or call that led there (`spanContext`),
 * marked `imported`: Keras's recorded lines and tracebacks name the
 * innermost frame of the file being run, and what is found inside another
 * file belongs to that file's own analysis.
 */

import type { PyNode as SyntaxNode } from '../../syntax/ast';
import { spanContext, unknown, type FunctionObj, type ModuleObj, type Span, type Value } from '../values';
import type { Interpreter } from './interpreter';
import { LIMITS } from './limits';
import { BreakSignal, ContinueSignal, ReturnSignal } from './signals';
import { Scope } from './scope';

/** A module's source as the workspace has it, parsed. */
export interface ModuleSource {
  /** The file, as the loader names it (the same file always gets the same name). */
  path: string;
  /** Read from a package's `__init__.py`. */
  isPackage: boolean;
  module: SyntaxNode;
}

/**
 * Finds the workspace's own modules. `level` is the number of leading dots
 * of a relative import (0 for an absolute one); `from` the file of the
 * importing module (undefined for the file being analysed). An absolute name
 * is looked up as `sys.path` would (the analysed file's folder, then the
 * workspace roots); a relative one from the importing file's folder.
 */
export interface ModuleLoader {
  find(name: string, level: number, from: string | undefined): ModuleSource | undefined;
}

/** The modules of one run: each file's module once, the module whose code runs now, and where the file's own code is. */
export class ModuleRegistry {
  private readonly byPath = new Map<string, ModuleObj>();
  private readonly byScope = new Map<Scope, ModuleObj>();
  private readonly namespaces = new Map<string, ModuleObj>();
  /** The file's own call being evaluated (the anchor of spans taken in another module's code). */
  callSite: SyntaxNode | undefined;
  private importDepth = 0;

  constructor(readonly loader: ModuleLoader | undefined) {}

  /** Every module the run imported, by file (what the analysis depends on). */
  paths(): string[] {
    return [...this.byPath.keys()];
  }

  /** The workspace module a scope's code belongs to; undefined for the file's own. */
  moduleOfScope(scope: Scope): ModuleObj | undefined {
    let s: Scope | undefined = scope;
    while (s.parent) s = s.parent;
    return this.byScope.get(s);
  }

  /** The module whose code is the function's; undefined for the file's own. */
  moduleOf(fn: FunctionObj): ModuleObj | undefined {
    return this.byScope.size === 0 ? undefined : this.moduleOfScope(fn.closure);
  }

  /**
   * Runs `body` as code of `module` (undefined: the file's own): spans taken
   * in it are the file's call that led there, or are the code's own again.
   */
  runAs<T>(module: ModuleObj | undefined, anchor: SyntaxNode | undefined, body: () => T): T {
    const saved = spanContext.anchor;
    if (module === undefined) spanContext.anchor = undefined;
    else if (saved === undefined) spanContext.anchor = anchorSpan(anchor, module);
    try {
      return body();
    } finally {
      spanContext.anchor = saved;
    }
  }

  /**
   * The module `name` (dotted, after `level` dots), imported from the code
   * of `importer` (undefined: the file's own): every package on its path is
   * run first, and each submodule becomes an attribute of its package.
   * Undefined when the loader does not find it.
   */
  load(
    interp: Interpreter,
    name: string,
    level: number,
    importer: ModuleObj | undefined,
    node: SyntaxNode,
  ): ModuleObj | undefined {
    if (!this.loader) return undefined;
    if (level === 0 && interp.host.libraryModule(name.split('.')[0])) return undefined;
    const parts = name === '' ? [] : name.split('.');
    let parent: ModuleObj | undefined;
    // `from . import x`: the importing file's own package.
    if (parts.length === 0) return level > 0 ? this.loadOne(interp, '', level, importer, node) : undefined;
    for (let i = 1; i <= parts.length; i++) {
      const prefix = parts.slice(0, i).join('.');
      // A folder without `__init__.py` on the way is a namespace package (kept only if the module is found).
      const m =
        this.loadOne(interp, prefix, level, importer, node) ??
        (i < parts.length ? this.namespace(`${level}:${importer?.path ?? ''}:${prefix}`, prefix) : undefined);
      if (!m) return undefined;
      if (parent) parent.scope.set(parts[i - 1], { kind: 'module', module: m });
      parent = m;
    }
    return parent;
  }

  private namespace(key: string, name: string): ModuleObj {
    let m = this.namespaces.get(key);
    if (!m) {
      m = { name, path: '', isPackage: true, scope: new Scope(undefined, 'module') };
      this.namespaces.set(key, m);
    }
    return m;
  }

  private loadOne(
    interp: Interpreter,
    name: string,
    level: number,
    importer: ModuleObj | undefined,
    node: SyntaxNode,
  ): ModuleObj | undefined {
    const source = this.loader!.find(name, level, importer?.path);
    if (!source) return undefined;
    const cached = this.byPath.get(source.path);
    if (cached) return cached;
    const scope = new Scope(undefined, 'module');
    const dotted = level === 0 ? name : `${importer ? packageOf(importer) : ''}${name ? `.${name}` : ''}`;
    const module: ModuleObj = {
      name: dotted.replace(/^\./, ''),
      path: source.path,
      isPackage: source.isPackage,
      scope,
    };
    scope.set('__name__', { kind: 'str', value: module.name });
    // In the cache before it runs: an import cycle finds the module as far as it has run, as in Python.
    this.byPath.set(source.path, module);
    this.byScope.set(scope, module);
    if (this.importDepth >= LIMITS.callDepth) return module;
    this.importDepth++;
    try {
      this.runAs(module, node, () => runModuleBody(interp, source.module, scope));
    } finally {
      this.importDepth--;
    }
    return module;
  }
}

/** The package a module's relative imports start from (`pkg` for `pkg.mod` and for `pkg/__init__.py`). */
function packageOf(m: ModuleObj): string {
  return m.isPackage ? m.name : m.name.split('.').slice(0, -1).join('.');
}

function anchorSpan(node: SyntaxNode | undefined, module: ModuleObj): Span {
  const s = node ? node.span() : { startLine: 0, startCol: 0, endLine: 0, endCol: 0 };
  return { ...s, imported: module.path };
}

/** A module's top level, as an import runs it: an exception it raises is raised by the import. */
function runModuleBody(interp: Interpreter, module: SyntaxNode, scope: Scope): void {
  try {
    for (const stmt of module.namedChildren) interp.exec(stmt, scope);
  } catch (e) {
    // `return`/`break` at a module's top level: Python rejects the file; nothing more of it runs.
    if (e instanceof ReturnSignal || e instanceof BreakSignal || e instanceof ContinueSignal) return;
    throw e;
  }
}

/** `module.attr`: a global of the module, or a submodule an import made its attribute; unknown otherwise. */
export function moduleAttribute(m: ModuleObj, attr: string): Value {
  return m.scope.lookup(attr) ?? unknown(`module ${m.name} has no ${attr} that the analysis knows`);
}

/** `from module import *`: its public names (or `__all__`), into `scope`. */
export function importStarFrom(m: ModuleObj, scope: Scope): void {
  const all = m.scope.lookup('__all__');
  if (all && (all.kind === 'list' || all.kind === 'tuple')) {
    for (const item of all.items) if (item.kind === 'str') scope.set(item.value, moduleAttribute(m, item.value));
    return;
  }
  for (const [k, v] of m.scope.entries()) if (!k.startsWith('_')) scope.set(k, v);
}
