/**
 * Python builtins the model-building code uses: len, range, zip, enumerate,
 * int, float, str, list, tuple, min, max, sum, abs, round, print, isinstance.
 * Unknown arguments give unknown results.
 */

import { pyTruth, type PyValue } from '../../shapes/values';
import type { PyNode as SyntaxNode } from '../../syntax/ast';
import { asInt, asItems, knownArrayItems, kwarg, NONE_V, UNKNOWN, type Value } from '../values';
import type { Interpreter } from './interpreter';
import { LIMITS } from './limits';
import { hashKey, makeSet, sequenceOfSet, setIteration, unorderedItems } from './sets';
import { pyStr, TOO_LARGE } from './strings';

/** Python's builtins the evaluator knows by name. */
export const BUILTIN_NAMES: ReadonlySet<string> = new Set([
  'len',
  'range',
  'zip',
  'enumerate',
  'int',
  'float',
  'str',
  'list',
  'tuple',
  'min',
  'max',
  'sum',
  'abs',
  'round',
  'print',
  'isinstance',
  'bool',
  'reversed',
  'sorted',
  'dict',
  'set',
  'frozenset',
  'super',
  'type',
  'getattr',
  'hasattr',
  'setattr',
  'open',
  'map',
  'filter',
  'any',
  'all',
  'divmod',
  'pow',
]);

/** A builtin the file did not rebind (`len`, `range`, ...): a reference to it. */
export function builtinName(name: string): Value | undefined {
  return BUILTIN_NAMES.has(name) ? { kind: 'ref', qualname: `builtins.${name}` } : undefined;
}

/** Python truthiness; undefined when not known. */
export function isTruthy(v: Value): boolean | undefined {
  // Tensors and arrays have no truth value statically.
  if (v.kind === 'tensor' || v.kind === 'array') return undefined;
  // An instance of a library class is true; what a library function returns
  // (`glob.glob(...)`, an empty list perhaps) is not known.
  if (v.kind === 'object') return /^[A-Z]/.test(v.qualname.split('.').pop() ?? '') ? true : undefined;
  if (v.kind === 'set') return v.unsure ? undefined : v.items.length > 0;
  return pyTruth(v as PyValue);
}

/** The items a `for` would see, or undefined when they are not known. */
export function iterate(v: Value): Value[] | undefined {
  const items = asItems(v);
  if (items) return items;
  if (v.kind === 'str') return [...v.value].map((c) => ({ kind: 'str', value: c }));
  if (v.kind === 'dict') return v.entries.map(([k]) => k);
  if (v.kind === 'set') return setIteration(v);
  return knownArrayItems(v);
}

/** The items of `v` where their order does not matter (`sorted`, `min`, `set(...)`): a set's too. */
export function collectionItems(v: Value): Value[] | undefined {
  return unorderedItems(v, iterate);
}

function num(v: Value): number | undefined {
  if (v.kind === 'int' || v.kind === 'float') return v.value;
  if (v.kind === 'bool') return Number(v.value);
  return undefined;
}

export function callBuiltin(
  interp: Interpreter,
  name: string,
  args: Value[],
  kwargs: Array<[string, Value]>,
  node: SyntaxNode,
): Value {
  const a = args[0] ?? UNKNOWN;
  switch (name) {
    case 'len': {
      const items = iterate(a);
      if (items) return { kind: 'int', value: items.length };
      if (a.kind === 'tensor' && a.tensor.shape && typeof a.tensor.shape[0] === 'number')
        return { kind: 'int', value: a.tensor.shape[0] };
      if (a.kind === 'array' && a.shape && typeof a.shape[0] === 'number') return { kind: 'int', value: a.shape[0] };
      return UNKNOWN;
    }
    case 'range': {
      const ns = args.map(asInt);
      if (ns.some((n) => n === undefined) || ns.length === 0) return UNKNOWN;
      const [start, stop, step] = ns.length === 1 ? [0, ns[0]!, 1] : [ns[0]!, ns[1]!, ns[2] ?? 1];
      if (step === 0) return UNKNOWN;
      const count = Math.max(0, Math.ceil((stop - start) / step));
      if (!interp.grow(count, node)) return UNKNOWN;
      return {
        kind: 'list',
        items: Array.from({ length: count }, (_, i) => ({ kind: 'int', value: start + i * step }) as Value),
      };
    }
    case 'zip': {
      const lists = args.map(iterate);
      if (lists.some((l) => l === undefined) || lists.length === 0) return UNKNOWN;
      const n = Math.min(...lists.map((l) => l!.length));
      if (!interp.grow(n, node)) return UNKNOWN;
      return {
        kind: 'list',
        items: Array.from({ length: n }, (_, i) => ({ kind: 'tuple', items: lists.map((l) => l![i]) }) as Value),
      };
    }
    case 'enumerate': {
      const items = iterate(a);
      const start = asInt(args[1] ?? kwarg(kwargs, 'start') ?? { kind: 'int', value: 0 }) ?? 0;
      if (!items || !interp.grow(items.length, node)) return UNKNOWN;
      return {
        kind: 'list',
        items: items.map((x, i) => ({ kind: 'tuple', items: [{ kind: 'int', value: i + start }, x] }) as Value),
      };
    }
    case 'reversed': {
      const items = iterate(a);
      return items && interp.grow(items.length, node) ? { kind: 'list', items: [...items].reverse() } : UNKNOWN;
    }
    case 'list':
    case 'tuple': {
      if (args.length === 0) return { kind: name, items: [] };
      if (a.kind === 'set') return sequenceOfSet(name, a);
      const items = iterate(a);
      if (items) return interp.grow(items.length, node) ? { kind: name, items: [...items] } : UNKNOWN;
      if (a.kind === 'tensor' && a.tensor.shape) return interp.host.getAttribute(a, 'shape', node);
      return UNKNOWN;
    }
    case 'int': {
      if (a.kind === 'float') return { kind: 'int', value: Math.trunc(a.value) };
      if (a.kind === 'int' || a.kind === 'bool') return { kind: 'int', value: Number(a.value) };
      if (a.kind === 'str' && /^\s*[-+]?\d+\s*$/.test(a.value)) return { kind: 'int', value: parseInt(a.value, 10) };
      return UNKNOWN;
    }
    case 'float': {
      if (a.kind === 'str' && /^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$/.test(a.value))
        return { kind: 'float', value: parseFloat(a.value) };
      const n = num(a);
      return n === undefined ? UNKNOWN : { kind: 'float', value: n };
    }
    case 'bool': {
      const t = isTruthy(a);
      return t === undefined ? UNKNOWN : { kind: 'bool', value: t };
    }
    case 'str': {
      const text = pyStr(a);
      return interp.madeText(
        text === null ? TOO_LARGE : text === undefined ? UNKNOWN : { kind: 'str', value: text },
        node,
      );
    }
    case 'abs': {
      const n = num(a);
      return n === undefined ? UNKNOWN : { kind: a.kind === 'float' ? 'float' : 'int', value: Math.abs(n) };
    }
    case 'round': {
      const n = num(a);
      // Python rounds halves to even; with ndigits the result is a float (left unknown: binary halves differ).
      if (n === undefined || args.length > 1) return UNKNOWN;
      const floor = Math.floor(n);
      const diff = n - floor;
      return { kind: 'int', value: diff > 0.5 ? floor + 1 : diff < 0.5 ? floor : floor % 2 === 0 ? floor : floor + 1 };
    }
    case 'pow': {
      const [x, y] = [num(a), num(args[1] ?? UNKNOWN)];
      if (x === undefined || y === undefined || args.length > 2) return UNKNOWN;
      const isInt = a.kind !== 'float' && args[1].kind !== 'float' && y >= 0;
      return { kind: isInt ? 'int' : 'float', value: x ** y };
    }
    case 'divmod': {
      const [x, y] = [num(a), num(args[1] ?? UNKNOWN)];
      if (x === undefined || y === undefined || y === 0 || a.kind === 'float' || args[1].kind === 'float')
        return UNKNOWN;
      const q = Math.floor(x / y);
      return {
        kind: 'tuple',
        items: [
          { kind: 'int', value: q },
          { kind: 'int', value: x - q * y },
        ],
      };
    }
    case 'set':
    case 'frozenset': {
      if (args.length === 0) return makeSet([], name === 'frozenset');
      const items = collectionItems(a);
      if (!items || args.length > 1 || kwargs.length > 0 || !interp.grow(items.length, node)) return UNKNOWN;
      return makeSet(items, name === 'frozenset');
    }
    case 'any':
    case 'all': {
      const items = collectionItems(a);
      if (!items) return UNKNOWN;
      const truths = items.map(isTruthy);
      if (name === 'any' ? truths.includes(true) : truths.includes(false))
        return { kind: 'bool', value: name === 'any' };
      return truths.includes(undefined) ? UNKNOWN : { kind: 'bool', value: name === 'all' };
    }
    case 'sorted': {
      const items = collectionItems(a);
      if (!items || kwarg(kwargs, 'key') || !interp.grow(items.length, node)) return UNKNOWN;
      // A sort's work grows as n log n: counted against the file's total like that many items.
      if (!interp.budget.spend(Math.ceil(items.length * Math.log2(items.length + 1))))
        return interp.stopFollowing('too-much-work', node, LIMITS.cells);
      // Strings compare by code point: JavaScript's `<` compares UTF-16 units, which differ past U+FFFF.
      const keys = items.map((x) =>
        x.kind === 'int' || x.kind === 'float' || (x.kind === 'str' && !/[\uD800-\uDFFF]/.test(x.value))
          ? x.value
          : undefined,
      );
      if (keys.some((k) => k === undefined) || new Set(keys.map((k) => typeof k)).size > 1) return UNKNOWN;
      const order = items.map((x, i) => [keys[i]!, x] as const).sort(([p], [q]) => (p < q ? -1 : p > q ? 1 : 0));
      const reverse = kwarg(kwargs, 'reverse');
      if (reverse && reverse.kind !== 'bool') return UNKNOWN;
      const out = order.map(([, x]) => x);
      return { kind: 'list', items: reverse?.kind === 'bool' && reverse.value ? out.reverse() : out };
    }
    case 'min':
    case 'max':
    case 'sum': {
      // max() over a NumPy array gives a NumPy scalar.
      if (name === 'max' && args.length === 1 && a.kind === 'array' && a.max !== undefined)
        return { kind: 'int', value: a.max, numpy: 'int64' };
      // A key function or a start value other than 0 is not followed.
      if (kwargs.length > 0 || (name === 'sum' && args.length > 1)) return UNKNOWN;
      const items = args.length === 1 ? collectionItems(a) : args;
      if (!items) return UNKNOWN;
      const ns = items.map(num);
      if (ns.some((n) => n === undefined) || (ns.length === 0 && name !== 'sum')) return UNKNOWN;
      const vals = ns as number[];
      const r =
        name === 'sum' ? vals.reduce((s, x) => s + x, 0) : name === 'min' ? Math.min(...vals) : Math.max(...vals);
      // min/max give the item itself (an int stays an int even beside floats).
      if (name !== 'sum') return items[vals.indexOf(r)];
      return { kind: items.some((x) => x.kind === 'float') ? 'float' : 'int', value: r };
    }
    case 'print':
      return NONE_V;
    case 'isinstance': {
      const types = asItems(args[1] ?? UNKNOWN) ?? (args[1] ? [args[1]] : []);
      // Library objects and instances of the file's classes, against library classes or the file's.
      if (
        types.length > 0 &&
        types.every((t) => t.kind === 'class' || (t.kind === 'ref' && !t.qualname.startsWith('builtins.')))
      ) {
        const answers = types.map((t) => interp.host.isInstance(a, t));
        if (answers.includes(true)) return { kind: 'bool', value: true };
        return answers.includes(undefined) ? UNKNOWN : { kind: 'bool', value: false };
      }
      // Against Python's own types.
      const names = types.map((t) =>
        t.kind === 'ref' && t.qualname.startsWith('builtins.') ? t.qualname.slice(9) : undefined,
      );
      if (names.length === 0 || names.includes(undefined) || a.kind === 'unknown' || a.kind === 'object')
        return UNKNOWN;
      const kinds: Record<string, string[]> = {
        int: ['int', 'bool'],
        float: ['float'],
        str: ['str'],
        bool: ['bool'],
        list: ['list'],
        tuple: ['tuple'],
        dict: ['dict'],
        set: ['set'],
        frozenset: ['set'],
      };
      if (names.some((n) => !kinds[n!])) return UNKNOWN;
      const plain = ['int', 'float', 'str', 'bool', 'list', 'tuple', 'dict', 'none', 'set'].includes(a.kind);
      if (!plain) return names.length > 0 ? { kind: 'bool', value: false } : UNKNOWN;
      const frozen = a.kind === 'set' && a.frozen === true;
      const holds = (n: string) =>
        a.kind === 'set' ? (n === 'frozenset' ? frozen : n === 'set' ? !frozen : false) : kinds[n].includes(a.kind);
      return { kind: 'bool', value: names.some((n) => holds(n!)) };
    }
    case 'dict': {
      if (args.length > 1) return UNKNOWN;
      let pairs: Array<[Value, Value]> = [];
      if (args.length === 1) {
        if (a.kind === 'dict') pairs = [...a.entries];
        else {
          const items = iterate(a);
          if (!items) return UNKNOWN;
          for (const item of items) {
            const kv = iterate(item);
            if (!kv || kv.length !== 2 || item.kind === 'str') return UNKNOWN;
            pairs.push([kv[0], kv[1]]);
          }
        }
      }
      for (const [k, v] of kwargs) pairs.push([{ kind: 'str', value: k }, v]);
      return dictOf(pairs);
    }
    default:
      return UNKNOWN;
  }
}

/**
 * A dict of `pairs` in order, as Python builds one: a repeated key keeps its first place and takes the
 * last value. Unknown where a key has no known hash key (it might equal another), unless `keepUnknownKeys`
 * (a display: such a key is kept as an entry of its own, and lookups of the known keys are as before).
 */
export function dictOf(pairs: ReadonlyArray<readonly [Value, Value]>, keepUnknownKeys = false): Value {
  const entries: Array<[Value, Value]> = [];
  const at = new Map<string, number>();
  for (const [k, v] of pairs) {
    const key = hashKey(k);
    if (key === undefined && !keepUnknownKeys) return UNKNOWN;
    if (key === undefined) {
      entries.push([k, v]);
      continue;
    }
    const i = at.get(key);
    if (i === undefined) {
      at.set(key, entries.length);
      entries.push([k, v]);
    } else entries[i] = [entries[i][0], v];
  }
  return { kind: 'dict', entries };
}
