/**
 * The two ends of a call of the file's functions: the caller's arguments
 * (positional, keywords, `*args` and `**kwargs` unpacked where their items
 * are known) and the callee's parameters bound to them as Python binds them.
 */

import type { PyNode as SyntaxNode } from '../../syntax/ast';
import { UNKNOWN, type FunctionObj, type Value } from '../values';
import { iterate } from './builtins';
import type { Interpreter } from './interpreter';
import { Scope } from './scope';

/**
 * Evaluates a call's argument list into `args` and `kwargs` (filled in
 * place: this runs on every call). True when an unpacked `*xs` or `**d` had
 * items not known, so the arguments are incomplete.
 */
export function evalArguments(
  interp: Interpreter,
  argList: SyntaxNode | null,
  scope: Scope,
  args: Value[],
  kwargs: Array<[string, Value]>,
): boolean {
  let incomplete = false;
  if (argList?.type === 'generator_expression') {
    args.push(interp.eval(argList, scope));
    return false;
  }
  for (const c of argList?.namedChildren ?? []) {
    if (!c || c.type === 'comment') continue;
    if (c.type === 'keyword_argument')
      kwargs.push([c.childForFieldName('name')?.text ?? '', interp.eval(c.childForFieldName('value'), scope)]);
    else if (c.type === 'list_splat') {
      const items = iterate(interp.eval(c.namedChildren[0] ?? null, scope));
      if (items) args.push(...items);
      else incomplete = true;
    } else if (c.type === 'dictionary_splat') {
      const d = interp.eval(c.namedChildren[0] ?? null, scope);
      if (d.kind === 'dict' && d.entries.every(([k]) => k.kind === 'str')) {
        for (const [k, v] of d.entries) kwargs.push([(k as { value: string }).value, v]);
      } else incomplete = true;
    } else args.push(interp.eval(c, scope));
  }
  return incomplete;
}

/** A new scope of `fn` with its parameters bound: positionally, then by keyword, then to defaults (unknown when missing). */
export function bindParameters(
  fn: FunctionObj,
  args: Value[],
  kwargs: Array<[string, Value]>,
  self: Value | undefined,
): Scope {
  const scope = new Scope(fn.closure, 'function');
  const params = fn.node.childForFieldName('parameters');
  const positional = self ? [self, ...args] : [...args];
  const given = new Map(kwargs);
  for (const p of params?.namedChildren ?? []) {
    if (!p) continue;
    if (p.type === 'identifier' || p.type === 'typed_parameter' || p.type === 'parameter') {
      const name = p.type === 'identifier' ? p.text : (p.namedChildren[0]?.text ?? '');
      scope.set(name, positional.length > 0 ? positional.shift()! : (given.get(name) ?? UNKNOWN));
      given.delete(name);
    } else if (p.type === 'default_parameter' || p.type === 'typed_default_parameter') {
      const name = p.childForFieldName('name')?.text ?? '';
      scope.set(
        name,
        positional.length > 0 ? positional.shift()! : (given.get(name) ?? fn.defaults.get(name) ?? UNKNOWN),
      );
      given.delete(name);
    } else if (p.type === 'list_splat_pattern') {
      scope.set(p.namedChildren[0]?.text ?? '', { kind: 'tuple', items: positional.splice(0) });
    } else if (p.type === 'dictionary_splat_pattern') {
      scope.set(p.namedChildren[0]?.text ?? '', {
        kind: 'dict',
        entries: [...given.entries()].map(([k, v]) => [{ kind: 'str', value: k }, v] as [Value, Value]),
      });
      given.clear();
    }
  }
  return scope;
}
