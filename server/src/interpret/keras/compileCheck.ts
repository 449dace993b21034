/**
 * `fit`, `evaluate`, `train_on_batch` and `test_on_batch` on a model never
 * compiled: Keras's `_assert_compile_called` refuses before reading the data.
 * Whether `compile` ran is known only when nothing the analysis does not
 * follow could have called it: so the error is said only for a program that
 * never names `compile` at all (no `model.compile(...)` on any path, taken or
 * not), has no dynamic lookup (`getattr`, `exec`, `eval`, `__import__`) and
 * imports only modules whose code cannot reach the model (the libraries this
 * host models and a few of Python's own). Anywhere else the answer is unknown.
 */

import type { PyNode as SyntaxNode } from '../../syntax/ast';
import type { ModelObj } from '../values';

/** The methods that call `_assert_compile_called` first (Keras's JAX trainer). */
const NEED_COMPILE: ReadonlySet<string> = new Set(['fit', 'evaluate', 'train_on_batch', 'test_on_batch']);

/** Names whose presence means code may run that the analysis does not see. */
const DYNAMIC: ReadonlySet<string> = new Set(['compile', 'getattr', 'exec', 'eval', '__import__', 'importlib']);

/** Top-level modules whose code cannot compile a model of the file. */
const INERT_MODULES: ReadonlySet<string> = new Set([
  'keras',
  'tensorflow',
  'numpy',
  'pandas',
  'sklearn',
  'math',
  'random',
  'os',
  'sys',
  'time',
  'warnings',
  'matplotlib',
]);

const cache = new WeakMap<SyntaxNode, boolean>();

/** True when the program surely never compiled `model` before calling `method` on it. */
export function surelyNotCompiled(program: SyntaxNode | undefined, model: ModelObj, method: string): boolean {
  if (!program || model.compiled || !NEED_COMPILE.has(method)) return false;
  let closed = cache.get(program);
  if (closed === undefined) {
    closed = closedProgram(program);
    cache.set(program, closed);
  }
  return closed;
}

/** No name that could compile a model out of sight, and only inert imports. */
export function closedProgram(program: SyntaxNode): boolean {
  const stack: SyntaxNode[] = [program];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (n.type === 'identifier' && DYNAMIC.has(n.text)) return false;
    if (n.type === 'import_statement' || n.type === 'import_from_statement') {
      if (!importsOnlyInert(n)) return false;
      continue;
    }
    for (const c of n.namedChildren) if (c) stack.push(c);
  }
  return true;
}

function importsOnlyInert(n: SyntaxNode): boolean {
  const modules: string[] = [];
  if (n.type === 'import_from_statement') {
    const from = n.childForFieldName('module_name');
    if (!from || from.type !== 'dotted_name') return false;
    modules.push(from.text);
  } else {
    for (const c of n.namedChildren) {
      if (!c) continue;
      if (c.type === 'dotted_name') modules.push(c.text);
      else if (c.type === 'aliased_import') modules.push(c.childForFieldName('name')?.text ?? '');
    }
  }
  return modules.length > 0 && modules.every((m) => INERT_MODULES.has(m.split('.')[0]));
}
