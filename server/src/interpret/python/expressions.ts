/**
 * Expressions beyond the simple ones: displays, unary, boolean and
 * comparison operators, arithmetic, subscripts and slices, comprehensions.
 * Each takes the `Interpreter` evaluating them; with a library value as an
 * operand (a tensor, an array) the host says what the operator does.
 */

import { errorOf } from '../../shapes/errors';
import type { PyNode as SyntaxNode } from '../../syntax/ast';
import { asInt, asItems, isLibraryValue, unknown, UNKNOWN, type Value } from '../values';
import { collectionItems, dictOf, isTruthy, iterate } from './builtins';
import type { Interpreter } from './interpreter';
import { LIMITS } from './limits';
import { foldBinary } from './literals';
import type { Scope } from './scope';
import { makeSet, setContains, setOperator } from './sets';
import { percentFormat } from './strings';

/** The items of a tuple, list or set display; undefined when a `*splat` in it has an unknown length. */
export function evalItems(interp: Interpreter, node: SyntaxNode, scope: Scope): Value[] | undefined {
  const items: Value[] = [];
  let lengthKnown = true;
  for (const c of node.namedChildren) {
    if (!c || c.type === 'comment') continue;
    if (c.type === 'list_splat') {
      const inner = iterate(interp.eval(c.namedChildren[0] ?? null, scope));
      if (inner && items.length + inner.length <= LIMITS.sequenceItems && interp.grow(inner.length, c))
        for (const x of inner) items.push(x);
      else if (inner) {
        interp.stopFollowing('value-too-large', c);
        lengthKnown = false;
      } else lengthKnown = false;
    } else items.push(interp.eval(c, scope));
  }
  return lengthKnown ? items : undefined;
}

/** Implicitly concatenated strings (`"a" "b"`), known when every part is. */
export function evalConcatenated(interp: Interpreter, node: SyntaxNode, scope: Scope): Value {
  let s = '';
  for (const part of node.namedChildren) {
    const v = interp.eval(part, scope);
    if (v.kind !== 'str') return UNKNOWN;
    s += v.value;
  }
  return { kind: 'str', value: s };
}

/** A set display (`python/sets.ts`). */
export function evalSet(interp: Interpreter, node: SyntaxNode, scope: Scope): Value {
  const items = evalItems(interp, node, scope);
  if (!items) return UNKNOWN;
  return makeSet(items);
}

export function evalDict(interp: Interpreter, node: SyntaxNode, scope: Scope): Value {
  const entries: Array<[Value, Value]> = [];
  for (const c of node.namedChildren) {
    if (c?.type === 'pair')
      entries.push([interp.eval(c.childForFieldName('key'), scope), interp.eval(c.childForFieldName('value'), scope)]);
    // `**other` merges another dict's entries; one not known leaves the display unknown.
    else if (c?.type === 'dictionary_splat') {
      const other = interp.eval(c.namedChildren[0] ?? null, scope);
      if (other.kind !== 'dict') return UNKNOWN;
      entries.push(...other.entries);
    }
  }
  return dictOf(entries, true);
}

/** `-x`, `+x`, `~x` on known numbers; on a library value, what the library makes of it. */
export function evalUnary(interp: Interpreter, node: SyntaxNode, scope: Scope): Value {
  const v = interp.eval(node.childForFieldName('argument'), scope);
  const op = node.childForFieldName('operator')?.text;
  if (v.kind === 'int' || v.kind === 'float')
    return op === '-'
      ? { kind: v.kind, value: -v.value }
      : op === '+'
        ? v
        : op === '~' && v.kind === 'int'
          ? { kind: 'int', value: ~v.value }
          : UNKNOWN;
  return isLibraryValue(v) ? interp.host.unary(op ?? '', v, node) : UNKNOWN;
}

export function evalBoolean(interp: Interpreter, node: SyntaxNode, scope: Scope): Value {
  const op = node.childForFieldName('operator')?.text;
  const left = interp.eval(node.childForFieldName('left'), scope);
  const t = isTruthy(left);
  if (t === undefined) return UNKNOWN;
  if (op === 'and') return t ? interp.eval(node.childForFieldName('right'), scope) : left;
  return t ? left : interp.eval(node.childForFieldName('right'), scope);
}

export function evalComparison(interp: Interpreter, node: SyntaxNode, scope: Scope): Value {
  const operands = node.namedChildren.filter((c): c is SyntaxNode => !!c && c.type !== 'comment');
  // An operator's type is its spelling: `is not` and `not in` are one node each, of two tokens
  // (so no text of their own).
  const merged = node.children.filter((c) => c && !c.isNamed).map((c) => c!.type);
  let left = interp.eval(operands[0], scope);
  for (let i = 0; i < merged.length; i++) {
    const right = interp.eval(operands[i + 1], scope);
    // A library's comparison operators (a tensor's `<`, an array's `==`) apply to a single comparison.
    if (merged.length === 1 && (isLibraryValue(left) || isLibraryValue(right))) {
      const r = interp.host.compare(merged[0], left, right, node);
      if (r) return r;
    }
    const work = { left: LIMITS.compareWork };
    const r = compare(merged[i], left, right, work);
    if (work.left < 0) return interp.stopFollowing('too-much-work', node, LIMITS.compareWork);
    if (r === undefined) return UNKNOWN;
    if (!r) return { kind: 'bool', value: false };
    left = right;
  }
  return { kind: 'bool', value: true };
}

/** A list or tuple indexed where it has no item, or by what is not known: unknown, or Python's IndexError. */
function subscriptMiss(interp: Interpreter, obj: Value, i: number | undefined, node: SyntaxNode): Value {
  // A shape's length is its tensor's rank (`input_shape[2]` of a 2-D input in a layer's `build`).
  if (i !== undefined && asItems(obj) && obj.kind === 'tuple' && obj.shape)
    return interp.raise(errorOf('indexOutOfRange', { seq: 'tuple' }), node);
  return i === undefined ? UNKNOWN : unknown('index out of range');
}

/** Values `foldBinary` reads. */
const PLAIN_KINDS = new Set(['int', 'float', 'str', 'bool', 'none', 'tuple', 'list']);

export function binary(interp: Interpreter, op: string, a: Value, b: Value, node: SyntaxNode): Value {
  // Arithmetic on numbers first: the operators of a loop's body.
  if ((a.kind === 'int' || a.kind === 'float') && (b.kind === 'int' || b.kind === 'float'))
    return foldBinary(op, a, b) as Value;
  if (isLibraryValue(a) || isLibraryValue(b)) {
    const r = interp.host.binary(op, a, b, node);
    if (r) return r;
  }
  const ofSets = setOperator(op, a, b);
  if (ofSets) return ofSets;
  const made = builtLength(op, a, b);
  if (made !== undefined && !interp.grow(made, node)) return UNKNOWN;
  if ((a.kind === 'list' || a.kind === 'tuple') && (b.kind === 'list' || b.kind === 'tuple') && op === '+') {
    return { kind: a.kind, items: a.items.concat(b.items) };
  }
  if ((a.kind === 'list' || a.kind === 'tuple') && op === '*' && b.kind === 'int') {
    return { kind: a.kind, items: Array.from({ length: Math.max(0, b.value) }, () => a.items).flat() };
  }
  if (op === '%' && a.kind === 'str') return interp.madeText(percentFormat(a.value, b), node);
  if (!PLAIN_KINDS.has(a.kind) || !PLAIN_KINDS.has(b.kind)) return UNKNOWN;
  return foldBinary(op, a as never, b as never) as Value;
}

function lengthOf(v: Value): number | undefined {
  return v.kind === 'list' || v.kind === 'tuple' ? v.items.length : v.kind === 'str' ? v.value.length : undefined;
}

/** The length of the sequence or string `a op b` makes (concatenation, repetition); undefined for other operations. */
function builtLength(op: string, a: Value, b: Value): number | undefined {
  const x = lengthOf(a);
  if (x === undefined) return undefined;
  if (op === '+') {
    const y = lengthOf(b);
    return y === undefined ? undefined : x + y;
  }
  return op === '*' && b.kind === 'int' ? x * Math.max(0, b.value) : undefined;
}

export function evalSubscript(interp: Interpreter, node: SyntaxNode, scope: Scope): Value {
  const obj = interp.eval(node.childForFieldName('value'), scope);
  // `g[r][c]` on a list in a loop's body: one index, no slice, nothing made.
  const only = node.soleChildForFieldName('subscript');
  if (only && only.type !== 'slice' && (obj.kind === 'list' || obj.kind === 'tuple')) {
    const i = asInt(interp.eval(only, scope));
    const items = asItems(obj);
    if (items && i !== undefined) {
      const at = i < 0 ? items.length + i : i;
      if (at >= 0 && at < items.length) return items[at];
    }
    return subscriptMiss(interp, obj, i, node);
  }
  const subs = node.childrenForFieldName('subscript').filter((c): c is SyntaxNode => !!c);
  if (isLibraryValue(obj)) {
    const r = interp.host.getItem(obj, subs, scope, node);
    if (r) return r;
  }
  if (subs.length !== 1) return UNKNOWN;
  const sub = subs[0];
  if (sub.type === 'slice') {
    const parts = sliceParts(interp, sub, scope);
    if (obj.kind === 'str' && parts) {
      const chars: Value[] = [...obj.value].map((c) => ({ kind: 'str', value: c }));
      return {
        kind: 'str',
        value: pySlice(chars, parts)
          .map((c) => (c as { value: string }).value)
          .join(''),
      };
    }
    const items = asItems(obj);
    if (!items || !parts) return UNKNOWN;
    return { kind: obj.kind as 'list' | 'tuple', items: pySlice(items, parts) };
  }
  const index = interp.eval(sub, scope);
  const items = asItems(obj);
  const i = asInt(index);
  if (items && i !== undefined) {
    const at = i < 0 ? items.length + i : i;
    if (at >= 0 && at < items.length) return items[at];
    return subscriptMiss(interp, obj, i, node);
  }
  if (obj.kind === 'str' && i !== undefined) return { kind: 'str', value: obj.value.at(i) ?? '' };
  if (obj.kind === 'dict') {
    const found = obj.entries.find(([k]) => keyEquals(k, index));
    if (found) return found[1];
    if (obj.closed && (index.kind === 'str' || (index.kind === 'int' && !index.numpy)))
      return interp.raise(errorOf('dictKeyMissing', { key: index.value }), node);
    return UNKNOWN;
  }
  return UNKNOWN;
}

export function sliceParts(interp: Interpreter, sub: SyntaxNode, scope: Scope): Array<number | null> | undefined {
  // A slice node holds up to three expressions separated by ':' tokens.
  const parts: Array<number | null> = [null, null, null];
  let slot = 0;
  for (const c of sub.children) {
    if (!c) continue;
    if (c.type === ':') {
      slot++;
      continue;
    }
    const v = interp.eval(c, scope);
    if (v.kind === 'none') continue;
    const n = asInt(v);
    if (n === undefined) return undefined;
    parts[slot] = n;
  }
  return parts;
}

export function keyEquals(a: Value, b: Value): boolean {
  if ((a.kind === 'str' && b.kind === 'str') || (a.kind === 'int' && b.kind === 'int')) return a.value === b.value;
  return false;
}

/** Python's `==` on known values (the same object is equal to itself); undefined when not known. */
export function pyEquals(a: Value, b: Value): boolean | undefined {
  return a === b ? true : compare('==', a, b);
}

/**
 * Python comparison of known values; undefined when it cannot be decided, or
 * when it would visit more values than `work` has left (then `work.left` < 0)
 * or nest deeper than the limit. As in Python, an item is equal to itself
 * without being compared (`x = [x, x]` doubled 200 times is equal to itself at once).
 */
function compare(op: string, a: Value, b: Value, work = { left: LIMITS.compareWork }, depth = 0): boolean | undefined {
  if (--work.left < 0 || depth > LIMITS.compareDepth) {
    work.left = -1;
    return undefined;
  }
  const prim = (v: Value): string | number | boolean | null | undefined =>
    v.kind === 'int' || v.kind === 'float' || v.kind === 'str' || v.kind === 'bool'
      ? v.value
      : v.kind === 'none'
        ? null
        : undefined;
  if (op === 'in' || op === 'not in') {
    if (b.kind === 'set') {
      const found = setContains(b, a);
      return found === undefined ? undefined : (op === 'in') === found;
    }
    const items = collectionItems(b);
    const x = prim(a);
    if (b.kind === 'str' && a.kind === 'str') return (op === 'in') === b.value.includes(a.value);
    if (b.kind === 'dict' && x !== undefined) return (op === 'in') === b.entries.some(([k]) => prim(k) === x);
    if (!items || x === undefined) return undefined;
    const ys = items.map(prim);
    if (ys.includes(undefined)) return undefined;
    return (op === 'in') === ys.includes(x);
  }
  const x = prim(a);
  const y = prim(b);
  if (x === undefined || y === undefined) {
    if (
      (op === 'is' || op === 'is not') &&
      (a.kind === 'none' || b.kind === 'none') &&
      a.kind !== 'unknown' &&
      b.kind !== 'unknown'
    ) {
      return (op === 'is') === (a.kind === b.kind);
    }
    const ai = asItems(a);
    const bi = asItems(b);
    if (ai && bi && (op === '==' || op === '!=')) {
      let eq: boolean | undefined = ai.length === bi.length;
      for (let i = 0; eq && i < ai.length; i++) eq = ai[i] === bi[i] || compare('==', ai[i], bi[i], work, depth + 1);
      if (eq === undefined) return undefined;
      return op === '==' ? eq : !eq;
    }
    return undefined;
  }
  switch (op) {
    case '==':
    case 'is':
      return x === y;
    case '!=':
    case 'is not':
      return x !== y;
    case '<':
      return (x as number) < (y as number);
    case '<=':
      return (x as number) <= (y as number);
    case '>':
      return (x as number) > (y as number);
    case '>=':
      return (x as number) >= (y as number);
    default:
      return undefined;
  }
}

/** Python slicing of a sequence. */
export function pySlice<T>(items: T[], [start, stop, step]: Array<number | null>): T[] {
  const n = items.length;
  const s = step ?? 1;
  if (s === 0) return [];
  const norm = (i: number | null, dflt: number) =>
    i === null ? dflt : i < 0 ? Math.max(i + n, s > 0 ? 0 : -1) : Math.min(i, s > 0 ? n : n - 1);
  const out: T[] = [];
  if (s > 0) for (let i = norm(start, 0); i < norm(stop, n); i += s) out.push(items[i]);
  else for (let i = norm(start, n - 1); i > norm(stop, -1); i += s) out.push(items[i]);
  return out;
}
