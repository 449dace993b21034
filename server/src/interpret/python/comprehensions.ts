/**
 * List, set, dict and generator comprehensions, unrolled within limits: known when
 * every iterable and condition they meet is.
 */

import type { PyNode as SyntaxNode } from '../../syntax/ast';
import { nestedSize, UNKNOWN, type Value } from '../values';
import { dictOf, isTruthy, iterate } from './builtins';
import { LIMITS } from './limits';
import type { Interpreter } from './interpreter';
import { Scope } from './scope';
import { makeSet } from './sets';
import { assign } from './statements';

export function evalComprehension(interp: Interpreter, node: SyntaxNode, scope: Scope): Value {
  const body = node.childForFieldName('body');
  const clauses = node.namedChildren.filter(
    (c): c is SyntaxNode => !!c && (c.type === 'for_in_clause' || c.type === 'if_clause'),
  );
  const out: Value[] = [];
  const inner = new Scope(scope, 'function');
  const walk = (i: number): boolean => {
    if (i === clauses.length) {
      if (out.length >= LIMITS.sequenceItems) return !interp.stopFollowing('value-too-large', node);
      if (!interp.grow(1, node)) return false;
      out.push(
        body?.type === 'pair'
          ? {
              kind: 'tuple',
              items: [
                interp.eval(body.childForFieldName('key'), inner),
                interp.eval(body.childForFieldName('value'), inner),
              ],
            }
          : interp.eval(body, inner),
      );
      return true;
    }
    const c = clauses[i];
    if (c.type === 'if_clause') {
      const t = isTruthy(interp.eval(c.namedChildren[0] ?? null, inner));
      if (t === undefined) return false;
      return t ? walk(i + 1) : true;
    }
    const items = iterate(interp.eval(c.childForFieldName('right'), inner));
    const left = c.childForFieldName('left');
    if (!items || !left) return false;
    for (const item of items) {
      assign(interp, left, item, inner);
      if (!walk(i + 1)) return false;
    }
    return true;
  };
  if (!walk(0)) return UNKNOWN;
  if (nestedSize(out, LIMITS.nestedItems) > LIMITS.nestedItems)
    return interp.stopFollowing('value-too-large', node, LIMITS.nestedItems);
  if (node.type === 'set_comprehension') return makeSet(out);
  if (node.type === 'dictionary_comprehension')
    return dictOf(out.map((p) => (p as Value & { kind: 'tuple' }).items as [Value, Value]));
  return { kind: 'list', items: out };
}
