/**
 * Python builtins the model-building code uses: len, range, zip, enumerate,
 * int, float, str, list, tuple, min, max, sum, abs, round, print, isinstance.
 * Unknown arguments give unknown results.
 */

import type { PyNode as SyntaxNode } from '../syntax/ast';
import { pyTruth, type PyValue } from '../shapes/values';
import { LIMITS } from './limits';
import { pyStr } from './strings';
import type { Interpreter } from './interpreter';
import { kwarg, asInt, asItems, NONE_V, UNKNOWN, type Value } from './values';

export const BUILTIN_NAMES = new Set([
  'len', 'range', 'zip', 'enumerate', 'int', 'float', 'str', 'list', 'tuple', 'min', 'max', 'sum', 'abs', 'round', 'print',
  'isinstance', 'bool', 'reversed', 'sorted', 'dict', 'set', 'super', 'type', 'getattr', 'hasattr', 'setattr', 'open', 'map', 'filter', 'any', 'all', 'divmod', 'pow',
]);

/** Python truthiness; undefined when not known. */
export function isTruthy(v: Value): boolean | undefined {
  // Tensors and arrays have no truth value statically.
  if (v.kind === 'tensor' || v.kind === 'array') return undefined;
  // An instance of a library class is true; what a library function returns
  // (`glob.glob(...)`, an empty list perhaps) is not known.
  if (v.kind === 'object') return /^[A-Z]/.test(v.qualname.split('.').pop() ?? '') ? true : undefined;
  return pyTruth(v as PyValue);
}

/** The items a `for` would see, or undefined when they are not known. */
export function iterate(v: Value): Value[] | undefined {
  const items = asItems(v);
  if (items) return items;
  if (v.kind === 'str') return [...v.value].map((c) => ({ kind: 'str', value: c }));
  if (v.kind === 'dict') return v.entries.map(([k]) => k);
  return undefined;
}

function num(v: Value): number | undefined {
  if (v.kind === 'int' || v.kind === 'float') return v.value;
  if (v.kind === 'bool') return Number(v.value);
  return undefined;
}

export function callBuiltin(interp: Interpreter, name: string, args: Value[], kwargs: Array<[string, Value]>, node: SyntaxNode): Value {
  const a = args[0] ?? UNKNOWN;
  switch (name) {
    case 'len': {
      const items = iterate(a);
      if (items) return { kind: 'int', value: items.length };
      if (a.kind === 'tensor' && a.tensor.shape && typeof a.tensor.shape[0] === 'number') return { kind: 'int', value: a.tensor.shape[0] };
      if (a.kind === 'array' && a.shape && typeof a.shape[0] === 'number') return { kind: 'int', value: a.shape[0] };
      return UNKNOWN;
    }
    case 'range': {
      const ns = args.map(asInt);
      if (ns.some((n) => n === undefined) || ns.length === 0) return UNKNOWN;
      const [start, stop, step] = ns.length === 1 ? [0, ns[0]!, 1] : [ns[0]!, ns[1]!, ns[2] ?? 1];
      if (step === 0) return UNKNOWN;
      const count = Math.max(0, Math.ceil((stop - start) / step));
      if (count > LIMITS.sequenceItems) return UNKNOWN;
      return { kind: 'list', items: Array.from({ length: count }, (_, i) => ({ kind: 'int', value: start + i * step }) as Value) };
    }
    case 'zip': {
      const lists = args.map(iterate);
      if (lists.some((l) => l === undefined) || lists.length === 0) return UNKNOWN;
      const n = Math.min(...lists.map((l) => l!.length));
      return { kind: 'list', items: Array.from({ length: n }, (_, i) => ({ kind: 'tuple', items: lists.map((l) => l![i]) }) as Value) };
    }
    case 'enumerate': {
      const items = iterate(a);
      const start = asInt(args[1] ?? kwarg(kwargs, 'start') ?? { kind: 'int', value: 0 }) ?? 0;
      if (!items) return UNKNOWN;
      return { kind: 'list', items: items.map((x, i) => ({ kind: 'tuple', items: [{ kind: 'int', value: i + start }, x] }) as Value) };
    }
    case 'reversed': {
      const items = iterate(a);
      return items ? { kind: 'list', items: [...items].reverse() } : UNKNOWN;
    }
    case 'list':
    case 'tuple': {
      if (args.length === 0) return { kind: name, items: [] };
      const items = iterate(a);
      if (items) return { kind: name, items: [...items] };
      if (a.kind === 'tensor' && a.tensor.shape) return interp.api.getAttribute(a, 'shape', node);
      return UNKNOWN;
    }
    case 'int': {
      if (a.kind === 'float') return { kind: 'int', value: Math.trunc(a.value) };
      if (a.kind === 'int' || a.kind === 'bool') return { kind: 'int', value: Number(a.value) };
      if (a.kind === 'str' && /^\s*[-+]?\d+\s*$/.test(a.value)) return { kind: 'int', value: parseInt(a.value, 10) };
      return UNKNOWN;
    }
    case 'float': {
      const n = num(a);
      return n === undefined ? UNKNOWN : { kind: 'float', value: n };
    }
    case 'bool': {
      const t = isTruthy(a);
      return t === undefined ? UNKNOWN : { kind: 'bool', value: t };
    }
    case 'str': {
      const text = pyStr(a);
      return text === undefined ? UNKNOWN : { kind: 'str', value: text };
    }
    case 'abs': {
      const n = num(a);
      return n === undefined ? UNKNOWN : { kind: a.kind === 'float' ? 'float' : 'int', value: Math.abs(n) };
    }
    case 'round': {
      const n = num(a);
      return n === undefined || args.length > 1 ? UNKNOWN : { kind: 'int', value: Math.round(n) };
    }
    case 'min':
    case 'max':
    case 'sum': {
      // max() over a NumPy array gives a NumPy scalar.
      if (name === 'max' && args.length === 1 && a.kind === 'array' && a.max !== undefined) return { kind: 'int', value: a.max, numpy: true };
      const items = args.length === 1 ? iterate(a) : args;
      if (!items) return UNKNOWN;
      const ns = items.map(num);
      if (ns.some((n) => n === undefined) || (ns.length === 0 && name !== 'sum')) return UNKNOWN;
      const vals = ns as number[];
      const r = name === 'sum' ? vals.reduce((s, x) => s + x, 0) : name === 'min' ? Math.min(...vals) : Math.max(...vals);
      return { kind: items.some((x) => x.kind === 'float') ? 'float' : 'int', value: r };
    }
    case 'print':
      return NONE_V;
    default:
      return UNKNOWN;
  }
}
