/**
 * Binding values to names and containers: assignment targets (`assign`),
 * assignment statements (chained, augmented) and `del`. Each takes the
 * `Interpreter` running them.
 */

import { errorOf } from '../../shapes/errors';
import type { PyNode as SyntaxNode } from '../../syntax/ast';
import { asInt, asItems, unknown, UNKNOWN, type Value } from '../values';
import { binary, keyEquals } from './expressions';
import { setAttribute } from './objects';
import type { Interpreter } from './interpreter';
import type { Scope } from './scope';

/** One expression of an expression statement: an assignment, an augmented assignment, or an expression. */
export function execExpression(interp: Interpreter, node: SyntaxNode, scope: Scope): void {
  if (node.type === 'assignment') execAssignment(interp, node, scope);
  else if (node.type === 'augmented_assignment') execAugmented(interp, node, scope);
  else interp.eval(node, scope);
}

function execAssignment(interp: Interpreter, node: SyntaxNode, scope: Scope): void {
  const right = node.childForFieldName('right');
  const left = node.childForFieldName('left');
  if (!right || !left) return;
  // Chained `a = b = value` nests assignments on the right.
  if (right.type === 'assignment') {
    execAssignment(interp, right, scope);
    let inner: SyntaxNode | null = right;
    while (inner?.type === 'assignment') inner = inner.childForFieldName('right');
    const value = inner ? lookupAssignedValue(interp, right, scope) : UNKNOWN;
    assign(interp, left, value, scope);
    return;
  }
  assign(interp, left, interp.eval(right, scope), scope);
}

function lookupAssignedValue(interp: Interpreter, assignment: SyntaxNode, scope: Scope): Value {
  const left = assignment.childForFieldName('left');
  return left ? interp.eval(left, scope) : UNKNOWN;
}

function execAugmented(interp: Interpreter, node: SyntaxNode, scope: Scope): void {
  const left = node.childForFieldName('left');
  const right = node.childForFieldName('right');
  const op = node.childForFieldName('operator')?.text.replace('=', '') ?? '';
  if (!left || !right) return;
  const value = binary(interp, op, interp.eval(left, scope), interp.eval(right, scope), node);
  assign(interp, left, value, scope);
}

/** `del a, b[i]`. */
export function execDelete(interp: Interpreter, node: SyntaxNode, scope: Scope): void {
  const target = node.namedChildren[0];
  const targets = target?.type === 'expression_list' ? target.namedChildren : target ? [target] : [];
  for (const t of targets) deleteTarget(interp, t, scope);
}

/** `del x`, `del items[i]`, `del d[key]`; where what goes is not known, the container is not known either. */
function deleteTarget(interp: Interpreter, t: SyntaxNode, scope: Scope): void {
  if (t.type === 'identifier') {
    scope.set(t.text, unknown(`${t.text} was deleted`));
    return;
  }
  if (t.type !== 'subscript') return;
  const holder = t.childForFieldName('value');
  const obj = interp.eval(holder, scope);
  const sub = t.childForFieldName('subscript');
  const index = sub && sub.type !== 'slice' ? interp.eval(sub, scope) : UNKNOWN;
  const i = asInt(index);
  if (obj.kind === 'list' && i !== undefined && i >= -obj.items.length && i < obj.items.length) {
    obj.items.splice(i < 0 ? obj.items.length + i : i, 1);
    return;
  }
  if (obj.kind === 'dict') {
    const at = obj.entries.findIndex(([k]) => keyEquals(k, index));
    if (at >= 0) {
      obj.entries.splice(at, 1);
      return;
    }
  }
  if (holder?.type === 'identifier' && (obj.kind === 'list' || obj.kind === 'dict')) scope.set(holder.text, UNKNOWN);
}

/** Binds `value` to an assignment target: a name, an unpacking, an attribute, an item. */
export function assign(interp: Interpreter, target: SyntaxNode, value: Value, scope: Scope): void {
  switch (target.type) {
    case 'identifier':
      scope.set(target.text, value);
      if (value.kind === 'array' || interp.arrayNames.has(target.text))
        interp.noteArray(target, value.kind === 'array' ? value.shape : undefined);
      return;
    case 'pattern_list':
    case 'tuple_pattern':
    case 'list_pattern':
    case 'tuple':
    case 'list':
      assignItems(interp, target, value, scope);
      return;
    case 'parenthesized_expression': {
      const inner = target.namedChildren[0];
      if (inner) assign(interp, inner, value, scope);
      return;
    }
    case 'attribute': {
      const obj = interp.eval(target.childForFieldName('object'), scope);
      const attr = target.childForFieldName('attribute')?.text ?? '';
      setAttribute(interp, obj, attr, value, target);
      return;
    }
    case 'subscript': {
      const obj = interp.eval(target.childForFieldName('value'), scope);
      const index = interp.eval(target.childForFieldName('subscript'), scope);
      const i = asInt(index);
      if (obj.kind === 'list' && i !== undefined && i >= -obj.items.length && i < obj.items.length) {
        obj.items[i < 0 ? obj.items.length + i : i] = value;
      } else if (obj.kind === 'dict') {
        const at = obj.entries.findIndex(([k]) => keyEquals(k, index));
        if (at >= 0) obj.entries[at] = [index, value];
        else obj.entries.push([index, value]);
        if (index.kind !== 'str' && index.kind !== 'int') delete obj.closed;
      } else if (obj.kind === 'array' && (obj.ints !== undefined || obj.max !== undefined)) {
        // `a[i] = v` changes an array's values: those known before (and its largest) are no longer known.
        const holder = target.childForFieldName('value');
        if (holder?.type === 'identifier') scope.set(holder.text, { kind: 'array', shape: obj.shape });
      }
      return;
    }
    default:
      return;
  }
}

/**
 * The type name of a number Python cannot iterate (`int`, `float`, `bool`); undefined otherwise. None is left
 * out: a lookup the analysis cannot finish (`d.get(key)` of a dict not wholly known) may give it.
 */
function nonIterableType(v: Value): string | undefined {
  if (v.kind === 'int' || v.kind === 'float' || v.kind === 'bool') return v.kind;
  if (v.kind === 'object' && v.qualname === 'builtins.float') return 'float';
  return undefined;
}

/** `a, b = value`, `[a, *rest] = value`: each target takes its item (unknown where the items are not known). */
function assignItems(interp: Interpreter, target: SyntaxNode, value: Value, scope: Scope): void {
  const targets = target.namedChildren.filter((c): c is SyntaxNode => !!c && c.type !== 'comment');
  const star = targets.findIndex((t) => t.type === 'list_splat_pattern');
  const items = asItems(value);
  if (star < 0) {
    // A layer's list of outputs has a length Keras fixes (an RNN's `return_state`), as has a list a library
    // returned sized (`evaluate`'s): unpacking it into another number of names is Python's error. Other lists may come from paths not followed: not checked.
    const sized = (value.kind === 'list' && value.sized) || (items?.every((v) => v.kind === 'tensor') ?? false);
    if (items && items.length !== targets.length && items.length > 0 && sized) {
      interp.raise(
        items.length > targets.length
          ? errorOf('tooManyValuesToUnpack', { expected: targets.length })
          : errorOf('notEnoughValuesToUnpack', { expected: targets.length, got: items.length }),
        target,
      );
    }
    // A number or None has no items: Python's TypeError (a float not known but for its type comes from the host).
    const scalar = nonIterableType(value);
    if (scalar) interp.raise(errorOf('cannotUnpackNonIterable', { type: scalar }), target);
    targets.forEach((t, i) => assign(interp, t, items?.[i] ?? UNKNOWN, scope));
    return;
  }
  // `a, *rest, z = items`: the starred name takes a list of what the others leave.
  const after = targets.length - star - 1;
  const fits = items && items.length >= targets.length - 1;
  targets.forEach((t, i) => {
    if (i === star) {
      const rest: Value = fits ? { kind: 'list', items: items.slice(star, items.length - after) } : UNKNOWN;
      assign(interp, t.namedChildren[0] ?? t, rest, scope);
    } else assign(interp, t, fits ? items[i < star ? i : items.length - (targets.length - i)] : UNKNOWN, scope);
  });
}
