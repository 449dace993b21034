/**
 * Python's own objects: the file's classes and their instances (methods and
 * attributes found through the bases, `super()`), and the methods of lists,
 * dicts and strings. Library values, and what a library base class gives an
 * instance, are the host's (`host.ts`).
 */

import { moduleAttribute } from './modules';
import type { PyNode as SyntaxNode } from '../../syntax/ast';
import {
  asInt,
  asItems,
  isLibraryInstance,
  isLibraryValue,
  nestedSize,
  NONE_V,
  unknown,
  UNKNOWN,
  type ClassObj,
  type FunctionObj,
  type InstanceObj,
  type Value,
} from '../values';
import { callBuiltin, collectionItems } from './builtins';
import { pyEquals } from './expressions';
import type { Interpreter } from './interpreter';
import { LIMITS } from './limits';
import { setMethod } from './sets';
import { strMethod } from './strings';

type Kwargs = Array<[string, Value]>;

/** The first of a class and its bases of the file (depth first, as listed) where `own` finds something. */
function inClassChain<T>(cls: ClassObj, own: (c: ClassObj) => T | undefined): T | undefined {
  const found = own(cls);
  if (found) return found;
  for (const b of cls.bases) {
    const inherited = b.kind === 'class' ? inClassChain(b.cls, own) : undefined;
    if (inherited) return inherited;
  }
  return undefined;
}

export function findMethod(cls: ClassObj, name: string): FunctionObj | undefined {
  return inClassChain(cls, (c) => c.methods.get(name));
}

function findClassAttr(cls: ClassObj, name: string): Value | undefined {
  return inClassChain(cls, (c) => c.attrs.get(name));
}

/** `Cls(...)`: the instance, with the library's records when a base is a library class, after its `__init__`. */
export function instantiate(
  interp: Interpreter,
  cls: ClassObj,
  args: Value[],
  kwargs: Kwargs,
  node: SyntaxNode,
): Value {
  const inst: InstanceObj = { cls, attrs: new Map() };
  interp.host.instanceCreated(inst, node);
  const self: Value = { kind: 'instance', inst };
  const init = findMethod(cls, '__init__');
  if (init) interp.callFunction(init, args, kwargs, self);
  // Without an `__init__` of the file's, the library base's runs.
  else if (isLibraryInstance(inst))
    interp.host.call({ kind: 'method', self, name: '__init__' }, args, kwargs, node, false);
  return self;
}

/** `super().attr`: the next class's method bound to `self`, or a method of a base the file does not define. */
function superAttribute(sup: Value & { kind: 'super' }, attr: string): Value {
  for (const b of sup.cls.bases) {
    if (b.kind !== 'class') continue;
    const m = findMethod(b.cls, attr);
    if (m) return { kind: 'bound', self: sup.self, fn: m };
  }
  return { kind: 'method', self: sup, name: attr };
}

export function getAttribute(interp: Interpreter, obj: Value, attr: string, node: SyntaxNode): Value {
  switch (obj.kind) {
    case 'instance': {
      const own = obj.inst.attrs.get(attr);
      if (own) return own;
      const m = findMethod(obj.inst.cls, attr);
      if (m) return { kind: 'bound', self: obj, fn: m };
      const ca = findClassAttr(obj.inst.cls, attr);
      if (ca) return ca;
      return isLibraryInstance(obj.inst) ? interp.host.getAttribute(obj, attr, node) : unknown(`attribute ${attr}`);
    }
    case 'class': {
      const m = findMethod(obj.cls, attr);
      if (m) return { kind: 'function', fn: m };
      return findClassAttr(obj.cls, attr) ?? UNKNOWN;
    }
    case 'super':
      return superAttribute(obj, attr);
    case 'module':
      return moduleAttribute(obj.module, attr);
    case 'list':
    case 'dict':
    case 'str':
    case 'set':
      return { kind: 'method', self: obj, name: attr };
    default:
      return isLibraryValue(obj) ? interp.host.getAttribute(obj, attr, node) : UNKNOWN;
  }
}

export function setAttribute(interp: Interpreter, obj: Value, attr: string, value: Value, node: SyntaxNode): void {
  if (obj.kind === 'instance') {
    obj.inst.attrs.set(attr, value);
    if (isLibraryInstance(obj.inst)) interp.host.setAttribute(obj, attr, value, node);
  } else if (isLibraryValue(obj)) interp.host.setAttribute(obj, attr, value, node);
}

/** Calls a method value: of a list, dict or string here; any other (a library object's, a library base's) by the host. */
export function callMethod(
  interp: Interpreter,
  method: Value & { kind: 'method' },
  args: Value[],
  kwargs: Kwargs,
  node: SyntaxNode,
): Value {
  const { self, name } = method;
  if (self.kind === 'str') return interp.madeText(strMethod(self.value, name, args, kwargs), node);
  if (self.kind === 'list') return listMethod(interp, self, name, args, kwargs, node);
  if (self.kind === 'dict') return dictMethod(self, name, args);
  if (self.kind === 'set') return setMethod(self, name, args, collectionItems);
  return interp.host.call(method, args, kwargs, node, false);
}

function listMethod(
  interp: Interpreter,
  self: Value & { kind: 'list' },
  name: string,
  args: Value[],
  kwargs: Kwargs,
  node: SyntaxNode,
): Value {
  if (self.trackedBy) {
    const added =
      name === 'append'
        ? args.slice(0, 1)
        : name === 'extend' && args[0]
          ? (asItems(args[0]) ?? [])
          : name === 'insert'
            ? args.slice(1, 2)
            : [];
    interp.host.trackedListGrew(self, added);
  }
  if (self.unsure) return UNKNOWN;
  // A change that cannot be followed exactly leaves the list's items unknown, not silently stale.
  const unsure = (): Value => {
    self.unsure = true;
    return UNKNOWN;
  };
  // An item that nests too much (or the list itself) leaves the list unknown: walks over it would never end.
  const nestsTooMuch = (x: Value) =>
    x === self || nestedSize([x], LIMITS.nestedItems) > LIMITS.nestedItems
      ? (interp.stopFollowing('value-too-large', node, LIMITS.nestedItems), true)
      : false;
  if (name === 'append' && args[0]) {
    if (nestsTooMuch(args[0])) return unsure();
    self.items.push(args[0]);
  } else if (name === 'extend' && args[0]) {
    const items = asItems(args[0]);
    if (!items) return unsure();
    // A list that outgrows the budget is not followed further (`x.extend(x)` doubles it).
    if (self.items.length + items.length > LIMITS.sequenceItems || !interp.grow(items.length, node)) {
      interp.stopFollowing('value-too-large', node);
      return unsure();
    }
    for (let i = 0, n = items.length; i < n; i++) self.items.push(items[i]);
  } else if (name === 'insert') {
    if (args.length !== 2 || args[0].kind !== 'int' || nestsTooMuch(args[1])) return unsure();
    self.items.splice(args[0].value, 0, args[1]);
  } else if (name === 'pop') {
    if (args.length === 0) return self.items.pop() ?? UNKNOWN;
    const i = asInt(args[0]);
    if (i === undefined || i >= self.items.length || i < -self.items.length) return unsure();
    return self.items.splice(i < 0 ? self.items.length + i : i, 1)[0];
  } else if (name === 'clear') self.items.length = 0;
  else if (name === 'reverse') self.items.reverse();
  else if (name === 'index' || name === 'count') {
    const found = self.items.map((x) => (args[0] ? pyEquals(x, args[0]) : undefined));
    if (found.includes(undefined)) return UNKNOWN;
    return name === 'count'
      ? { kind: 'int', value: found.filter(Boolean).length }
      : found.includes(true)
        ? { kind: 'int', value: found.indexOf(true) }
        : UNKNOWN;
  } else if (name === 'copy') return { kind: 'list', items: [...self.items] };
  else if (name === 'remove' && args[0]) {
    const equal = self.items.map((x) => pyEquals(x, args[0]));
    const at = equal.indexOf(true);
    if (at < 0 || equal.slice(0, at).includes(undefined)) return unsure();
    self.items.splice(at, 1);
  } else if (name === 'sort' && kwargs.length === 0) {
    const sorted = callBuiltin(interp, 'sorted', [self], [], node);
    if (sorted.kind === 'list') self.items.splice(0, self.items.length, ...sorted.items);
  } else if (name === 'sort') return unsure();
  else return UNKNOWN;
  return NONE_V;
}

function dictMethod(self: Value & { kind: 'dict' }, name: string, args: Value[]): Value {
  // A method not followed here (`update`, `pop`, `setdefault`) may change its keys.
  if (!['get', 'items', 'keys', 'values', 'copy'].includes(name)) delete self.closed;
  if (name === 'get')
    return (
      self.entries.find(([k]) => k.kind === 'str' && args[0]?.kind === 'str' && k.value === args[0].value)?.[1] ??
      args[1] ??
      NONE_V
    );
  if (name === 'items')
    return { kind: 'list', items: self.entries.map(([k, v]) => ({ kind: 'tuple', items: [k, v] }) as Value) };
  if (name === 'keys') return { kind: 'list', items: self.entries.map(([k]) => k) };
  if (name === 'values') return { kind: 'list', items: self.entries.map(([, v]) => v) };
  return UNKNOWN;
}
