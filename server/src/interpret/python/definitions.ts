/**
 * Statements that bind names: imports (what an imported path is, and whether
 * the import fails, is the host's), function and class definitions. Each
 * takes the `Interpreter` running them.
 */

import type { CheckedError } from '../../shapes/errors';
import type { PyNode as SyntaxNode } from '../../syntax/ast';
import { unknown, type ClassObj, type FunctionObj, type Value } from '../values';
import type { ImportedPaths } from './host';
import type { Interpreter } from './interpreter';
import { importStarFrom } from './modules';
import { Scope } from './scope';

/** The paths an import statement names. */
function importedPaths(node: SyntaxNode): ImportedPaths {
  const nameOf = (c: SyntaxNode): string =>
    c.type === 'dotted_name' ? c.text : c.type === 'aliased_import' ? (c.childForFieldName('name')?.text ?? '') : '';
  if (node.type === 'import_statement')
    return { names: [], modules: node.namedChildren.map((c) => nameOf(c)).filter((p) => p !== '') };
  const moduleNode = node.childForFieldName('module_name');
  const names = node.namedChildren
    .filter((c) => c !== moduleNode)
    .map((c) => nameOf(c))
    .filter((p) => p !== '');
  return { module: moduleNode?.text ?? '', names, modules: [] };
}

/** The error this import statement raises (a module or a name the library does not have), if any. */
export function importError(interp: Interpreter, node: SyntaxNode): CheckedError | undefined {
  if (node.type !== 'import_statement' && node.type !== 'import_from_statement') return undefined;
  return interp.host.importError(importedPaths(node));
}

export function execImport(interp: Interpreter, node: SyntaxNode, scope: Scope): void {
  if (node.type === 'future_import_statement') return;
  // The workspace's own modules first, as `sys.path` starts with the file's folder (modules.ts).
  if (interp.modules.loader && importWorkspace(interp, node, scope)) return;
  // What a library does not have fails at the import, as Python runs it (inside `try`, see controlFlow.ts).
  const problem = importError(interp, node);
  if (problem) {
    interp.raise(problem, node);
    return;
  }
  const host = interp.host;
  if (node.type === 'import_statement') {
    for (const c of node.namedChildren) {
      if (!c) continue;
      if (c.type === 'dotted_name') {
        // `import a.b` binds `a`.
        const top = c.text.split('.')[0];
        scope.set(top, host.imported(top));
      } else if (c.type === 'aliased_import') {
        const name = c.childForFieldName('name')?.text ?? '';
        const alias = c.childForFieldName('alias')?.text ?? '';
        scope.set(alias, host.imported(name));
      }
    }
    return;
  }
  const moduleNode = node.childForFieldName('module_name');
  const module = moduleNode?.text ?? '';
  for (const c of node.namedChildren) {
    if (!c || c === moduleNode) continue;
    if (c.type === 'dotted_name') {
      scope.set(c.text, host.imported(`${module}.${c.text}`));
    } else if (c.type === 'aliased_import') {
      const name = c.childForFieldName('name')?.text ?? '';
      const alias = c.childForFieldName('alias')?.text ?? '';
      scope.set(alias, host.imported(`${module}.${name}`));
    } else if (c.type === 'wildcard_import') {
      host.importStar(module);
    }
  }
}

/**
 * An import of the workspace's own modules: true when the loader found them
 * (the import is done), false to leave it to the library. A plain import
 * with several modules is taken here only when all of them are the
 * workspace's; a name a module does not have is unknown, not an error (the
 * analysis may not see everything a module defines).
 */
function importWorkspace(interp: Interpreter, node: SyntaxNode, scope: Scope): boolean {
  const registry = interp.modules;
  const importer = registry.moduleOfScope(scope);
  if (node.type === 'import_statement') {
    const items = node.namedChildren.filter((c) => c.type === 'dotted_name' || c.type === 'aliased_import');
    const loaded = items.map((c) => {
      const name = c.type === 'dotted_name' ? c.text : (c.childForFieldName('name')?.text ?? '');
      return registry.load(interp, name, 0, importer, node);
    });
    if (loaded.length === 0 || loaded.some((m) => m === undefined)) return false;
    items.forEach((c, i) => {
      if (c.type === 'dotted_name') {
        // `import a.b` binds `a`, whose attribute `b` the import set.
        const top = c.text.split('.')[0];
        const first = registry.load(interp, top, 0, importer, node);
        if (first) scope.set(top, { kind: 'module', module: first });
      } else {
        scope.set(c.childForFieldName('alias')?.text ?? '', { kind: 'module', module: loaded[i]! });
      }
    });
    return true;
  }
  const moduleNode = node.childForFieldName('module_name');
  const text = moduleNode?.text ?? '';
  const level = text.length - text.replace(/^\.+/, '').length;
  const name = text.slice(level);
  const module = registry.load(interp, name, level, importer, node);
  // `from . import x` in a folder without `__init__.py`: its modules are still found (a namespace package).
  if (!module && !(level > 0 && name === '')) return level > 0;
  for (const c of node.namedChildren) {
    if (!c || c === moduleNode) continue;
    if (c.type === 'wildcard_import') {
      if (module) importStarFrom(module, scope);
      continue;
    }
    const what = c.type === 'dotted_name' ? c.text : (c.childForFieldName('name')?.text ?? '');
    const alias = c.type === 'aliased_import' ? (c.childForFieldName('alias')?.text ?? what) : what;
    const own = module?.scope.lookup(what);
    if (own) {
      scope.set(alias, own);
      continue;
    }
    // `from pkg import module`: a submodule, imported now.
    const sub = registry.load(interp, name === '' ? what : `${name}.${what}`, level, importer, node);
    scope.set(alias, sub ? { kind: 'module', module: sub } : unknown(`${what} of module ${text}`));
  }
  return true;
}

/** A parameter list's default values, evaluated where the function is defined (as Python does). */
export function parameterDefaults(interp: Interpreter, node: SyntaxNode, scope: Scope): Map<string, Value> {
  const defaults = new Map<string, Value>();
  const params = node.childForFieldName('parameters');
  for (const p of params?.namedChildren ?? []) {
    if (p && (p.type === 'default_parameter' || p.type === 'typed_default_parameter')) {
      const pname = p.childForFieldName('name')?.text ?? '';
      defaults.set(pname, interp.eval(p.childForFieldName('value'), scope));
    }
  }
  return defaults;
}

export function defineFunction(interp: Interpreter, node: SyntaxNode, scope: Scope): void {
  const name = node.childForFieldName('name')?.text ?? '<lambda>';
  const fn: FunctionObj = { name, node, closure: scope, defaults: parameterDefaults(interp, node, scope) };
  interp.defined.push(fn);
  scope.set(name, { kind: 'function', fn });
}

export function defineClass(interp: Interpreter, node: SyntaxNode, scope: Scope): void {
  const name = node.childForFieldName('name')?.text ?? '';
  const bases: Value[] = [];
  for (const b of node.childForFieldName('superclasses')?.namedChildren ?? []) {
    if (b && b.type !== 'keyword_argument') bases.push(interp.eval(b, scope));
  }
  const cls: ClassObj = { name, node, bases, methods: new Map(), attrs: new Map() };
  interp.host.classCreated(cls);
  const body = new Scope(scope, 'class');
  const block = node.childForFieldName('body');
  if (block) {
    for (const stmt of block.namedChildren) {
      if (!stmt) continue;
      const def = stmt.type === 'decorated_definition' ? stmt.childForFieldName('definition') : stmt;
      if (def?.type === 'function_definition') {
        defineFunction(interp, def, body);
        const f = body.lookup(def.childForFieldName('name')?.text ?? '');
        if (f?.kind === 'function') {
          f.fn.owner = cls;
          cls.methods.set(f.fn.name, f.fn);
        }
      } else {
        interp.exec(stmt, body);
      }
    }
  }
  for (const [k, v] of body.entries()) if (v.kind !== 'function') cls.attrs.set(k, v);
  scope.set(name, { kind: 'class', cls });
}
