/**
 * The top-level statements of a module in groups that share no names
 * (`reuse.ts` runs again only the groups an edit touched). Read from the
 * syntax alone, conservatively: every identifier a statement holds, at any
 * depth (the bodies of the functions and classes it defines included, their
 * parameters and locals too), joins it with every other statement holding
 * that identifier. Two kinds of name join nothing: a builtin and a name bound
 * by a top-level import, as long as no statement but an import binds or
 * mutates it anywhere (a target `x = `, `x.a = `, `x[i] = `, `for x in`,
 * `del x`, `global x`, a parameter, a `def`/`class` of that name, an
 * import inside a function): such a name holds one immutable library value
 * in every run. Import statements belong to no group: every run runs them.
 *
 * A module with a dynamic lookup or write (`globals()`, `vars()`, `exec`,
 * `setattr`, `sys`, a star import, ...), a syntax error, or a statement cut
 * at the syntax depth is not grouped at all.
 */

import { TOO_DEEP, type PyNode as SyntaxNode } from '../../syntax/ast';
import { BUILTIN_NAMES } from '../python/builtins';

/** Names through which code reaches names it does not spell. */
const DYNAMIC: ReadonlySet<string> = new Set([
  'globals',
  'locals',
  'vars',
  'exec',
  'eval',
  'compile',
  '__import__',
  'importlib',
  'setattr',
  'delattr',
  'getattr',
  'sys',
  'builtins',
  '__builtins__',
  '__dict__',
]);

/** Names that hold the same value in every run unless the file binds them: Python's builtins and `__name__`. */
const PRESET: ReadonlySet<string> = new Set([...BUILTIN_NAMES, 'None', 'True', 'False', '__name__']);

/** What one top-level statement holds, read once per syntax node. */
interface StatementNames {
  /** Every identifier in it. */
  names: string[];
  /** Identifiers in a binding or mutating place. */
  bound: string[];
  /** A top-level import statement: the names it binds. */
  imports: string[] | undefined;
  /** It holds a dynamic lookup, a star import, a syntax error or a cut subtree. */
  opaque: boolean;
}

const cache = new WeakMap<SyntaxNode, StatementNames>();

function namesOf(stmt: SyntaxNode): StatementNames {
  let hit = cache.get(stmt);
  if (!hit) {
    hit = readNames(stmt);
    // Each name once: the grouping walks them on every run.
    hit.names = [...new Set(hit.names)];
    hit.bound = [...new Set(hit.bound)];
    cache.set(stmt, hit);
  }
  return hit;
}

function readNames(stmt: SyntaxNode): StatementNames {
  const out: StatementNames = { names: [], bound: [], imports: undefined, opaque: stmt.hasError };
  if (stmt.type === 'import_statement' || stmt.type === 'import_from_statement') {
    out.imports = [];
    for (const c of stmt.namedChildren) {
      if (c.type === 'wildcard_import') out.opaque = true;
      if (stmt.type === 'import_from_statement' && c === stmt.childForFieldName('module_name')) continue;
      // `import a.b` binds `a`; `import a.b as c` and `from m import a as c` bind `c`.
      const alias = c.type === 'aliased_import' ? c.childForFieldName('alias') : null;
      const name = alias ?? (c.type === 'dotted_name' ? c.namedChildren[0] : c.type === 'aliased_import' ? null : c);
      if (name && name.type === 'identifier') out.imports.push(name.text);
      else if (c.type !== 'wildcard_import') out.opaque = true;
    }
    return out;
  }
  // An explicit stack: syntax is cut at its depth, but a walk of its own keeps no recursion at all.
  const stack: Array<[SyntaxNode, boolean]> = [[stmt, false]];
  while (stack.length > 0) {
    const [n, target] = stack.pop()!;
    if (n.type === TOO_DEEP || n.type === 'ERROR' || n.type === 'wildcard_import') out.opaque = true;
    if (n.type === 'identifier') {
      if (DYNAMIC.has(n.text)) out.opaque = true;
      out.names.push(n.text);
      if (target) out.bound.push(n.text);
      continue;
    }
    const push = (c: SyntaxNode | null, t: boolean) => {
      if (c) stack.push([c, t]);
    };
    switch (n.type) {
      case 'attribute':
        // `a.b`: `b` names no variable; `a.b = v` mutates what `a` holds.
        push(n.childForFieldName('object'), target);
        continue;
      case 'subscript':
        push(n.childForFieldName('value'), target);
        for (const c of n.childrenForFieldName('subscript')) push(c, false);
        continue;
      case 'keyword_argument':
        push(n.childForFieldName('value'), false);
        continue;
      case 'assignment':
      case 'augmented_assignment':
      case 'for_statement':
      case 'for_in_clause':
        for (const c of n.namedChildren) push(c, c === n.childForFieldName('left') || target);
        continue;
      case 'named_expression':
        for (const c of n.namedChildren) push(c, c === n.childForFieldName('name') || target);
        continue;
      case 'function_definition':
      case 'class_definition':
        for (const c of n.namedChildren)
          push(c, c === n.childForFieldName('name') || c === n.childForFieldName('parameters') || target);
        continue;
      case 'lambda':
        for (const c of n.namedChildren) push(c, c === n.childForFieldName('parameters') || target);
        continue;
      case 'delete_statement':
      case 'global_statement':
      case 'nonlocal_statement':
      case 'as_pattern_target':
      case 'import_statement':
      case 'import_from_statement':
      case 'aliased_import':
      case 'dotted_name':
      case 'pattern_list':
      case 'tuple_pattern':
      case 'list_pattern':
      case 'list_splat_pattern':
      case 'dictionary_splat_pattern':
      case 'default_parameter':
      case 'typed_parameter':
      case 'typed_default_parameter':
      case 'except_clause':
      case 'with_item':
      case 'case_pattern':
        // Every name here may be bound (or is read: then it only joins as any name does).
        for (const c of n.namedChildren) push(c, true);
        continue;
      default:
        for (const c of n.namedChildren) push(c, target);
    }
  }
  return out;
}

/** The statements in groups, or undefined when the module is not to be grouped. */
export interface Groups {
  /** Per statement, its group (a group is numbered by its first statement); -1 for an import statement. */
  groupOf: Int32Array;
}

export function groupStatements(statements: SyntaxNode[]): Groups | undefined {
  const infos = statements.map(namesOf);
  const imported = new Set<string>();
  const rebound = new Set<string>();
  for (const info of infos) {
    if (info.opaque) return undefined;
    if (info.imports) for (const n of info.imports) imported.add(n);
    else for (const n of info.bound) rebound.add(n);
  }
  const joins = (name: string) => rebound.has(name) || !(imported.has(name) || PRESET.has(name));
  // Union-find over statements, by the first statement holding each name.
  const parent = new Int32Array(statements.length);
  for (let i = 0; i < parent.length; i++) parent[i] = i;
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]];
    return i;
  };
  const first = new Map<string, number>();
  infos.forEach((info, i) => {
    if (info.imports) return;
    for (const n of info.names) {
      if (!joins(n)) continue;
      const f = first.get(n);
      if (f === undefined) first.set(n, i);
      else {
        const a = find(f);
        const b = find(i);
        if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
      }
    }
  });
  const groupOf = new Int32Array(statements.length);
  infos.forEach((info, i) => (groupOf[i] = info.imports ? -1 : find(i)));
  return { groupOf };
}
