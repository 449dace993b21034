/**
 * Python's sets (`set()`, `{a, b}`, set comprehensions, `frozenset`), their methods and operators,
 * and the keys dicts and sets compare items by.
 *
 * A set keeps its distinct items in the order they were added. That is not the order Python iterates
 * it in: a set iterates in the order of its items' hashes, and a string's hash changes from run to run
 * (`PYTHONHASHSEED`). So what reads a set without minding order (`len`, `in`, `sorted`, `min`, `max`,
 * `sum`, `any`, `all`, another set) sees its items, while iterating it (a `for`, `list(s)`, `enumerate`)
 * meets as many items, each unknown, unless it has at most one. `list(s)` and `tuple(s)` remember the
 * set's items as their `members`, so that `sorted(list(s))` and `len(set(list(s)))` are still known.
 */

import { NONE_V, UNKNOWN, type Value } from '../values';

type SetValue = Value & { kind: 'set' };

/**
 * The key Python's hash and `==` give a hashable known value (`1`, `1.0` and `True` are one key), or
 * undefined where it is not known or not hashable (a list: Python raises; here the result is unknown).
 */
export function hashKey(v: Value, depth = 0): string | undefined {
  switch (v.kind) {
    case 'int':
    case 'float':
      return Number.isNaN(v.value) ? undefined : `n${v.value}`;
    case 'bool':
      return `n${Number(v.value)}`;
    case 'str':
      return `s${v.value}`;
    case 'none':
      return 'N';
    case 'tuple': {
      if (depth > 20) return undefined;
      const keys = v.items.map((x) => hashKey(x, depth + 1));
      return keys.includes(undefined) ? undefined : `t${JSON.stringify(keys)}`;
    }
    case 'set':
      if (!v.frozen || v.unsure || depth > 20) return undefined;
      return `f${JSON.stringify(v.items.map((x) => hashKey(x, depth + 1)).sort())}`;
    default:
      return undefined;
  }
}

/** A set of `items` (repeats dropped, the first kept); unsure where an item has no key known. */
export function makeSet(items: readonly Value[], frozen = false): SetValue {
  const out: Value[] = [];
  const seen = new Set<string>();
  for (const x of items) {
    const k = hashKey(x);
    if (k === undefined) return { kind: 'set', items: [], unsure: true, ...(frozen ? { frozen: true } : {}) };
    if (!seen.has(k)) {
      seen.add(k);
      out.push(x);
    }
  }
  return { kind: 'set', items: out, ...(frozen ? { frozen: true } : {}) };
}

/** What a list or tuple made from a set holds, where its items are still that set's items in some order. */
function listMembers(v: Value & { kind: 'list' | 'tuple' }): Value[] | undefined {
  const m = v.members;
  if (!m || m.slots.length !== v.items.length) return undefined;
  const slots = new Set(m.slots);
  const seen = new Set<Value>();
  for (const x of v.items) {
    if (!slots.has(x) || seen.has(x)) return undefined;
    seen.add(x);
  }
  return m.items;
}

/**
 * The items of `v` as a collection whose order does not matter: a set's items, a list's or tuple's
 * (those made from a set: the set's); undefined where not known. `ordered` gives the others' items.
 */
export function unorderedItems(v: Value, ordered: (v: Value) => Value[] | undefined): Value[] | undefined {
  if (v.kind === 'set') return v.unsure ? undefined : v.items;
  if (v.kind === 'list' || v.kind === 'tuple') {
    const m = listMembers(v);
    if (m) return m;
  }
  return ordered(v);
}

/** What iterating a set meets: its items where it has at most one, else as many unknown items. */
export function setIteration(v: SetValue): Value[] | undefined {
  if (v.unsure) return undefined;
  return v.items.length <= 1 ? v.items : v.items.map(() => UNKNOWN);
}

/** `list(s)` or `tuple(s)` of a set: its items in an order not known, remembered as the result's members. */
export function sequenceOfSet(kind: 'list' | 'tuple', v: SetValue): Value {
  if (v.unsure) return UNKNOWN;
  if (v.items.length <= 1) return { kind, items: [...v.items] };
  const slots: Value[] = v.items.map(() => ({ kind: 'unknown', why: 'an item of a set, whose order is not known' }));
  return { kind, items: [...slots], members: { items: [...v.items], slots } };
}

/** `x in s`; undefined where not known. */
export function setContains(s: SetValue, x: Value): boolean | undefined {
  if (s.unsure) return undefined;
  const k = hashKey(x);
  if (k === undefined) return undefined;
  return s.items.some((y) => hashKey(y) === k);
}

function keysOf(items: readonly Value[]): Set<string> {
  return new Set(items.map((x) => hashKey(x)!));
}

/** `a | b`, `a & b`, `a - b`, `a ^ b` of two sets; undefined for any other operator or operand. */
export function setOperator(op: string, a: Value, b: Value): Value | undefined {
  if (a.kind !== 'set' || b.kind !== 'set' || !['|', '&', '-', '^'].includes(op)) return undefined;
  const frozen = a.frozen === true;
  if (a.unsure || b.unsure) return { kind: 'set', items: [], unsure: true, ...(frozen ? { frozen: true } : {}) };
  return makeSet(combine(op, a.items, b.items), frozen);
}

function combine(op: string, a: readonly Value[], b: readonly Value[]): Value[] {
  const ka = keysOf(a);
  const kb = keysOf(b);
  if (op === '|') return [...a, ...b];
  if (op === '&') return a.filter((x) => kb.has(hashKey(x)!));
  if (op === '-') return a.filter((x) => !kb.has(hashKey(x)!));
  return [...a.filter((x) => !kb.has(hashKey(x)!)), ...b.filter((x) => !ka.has(hashKey(x)!))];
}

const OPERATOR_METHODS: Record<string, string> = {
  union: '|',
  intersection: '&',
  difference: '-',
  symmetric_difference: '^',
};

const UPDATE_METHODS: Record<string, string> = {
  update: '|',
  intersection_update: '&',
  difference_update: '-',
  symmetric_difference_update: '^',
};

/**
 * A method of a set. `items` reads an iterable argument's items as a collection (undefined where not
 * known); a change that cannot be followed leaves the set unsure (its items no longer known).
 */
export function setMethod(
  self: SetValue,
  name: string,
  args: Value[],
  items: (v: Value) => Value[] | undefined,
): Value {
  const unsure = (): Value => {
    self.unsure = true;
    self.items = [];
    return UNKNOWN;
  };
  const others = () => {
    const all = args.map(items);
    return all.includes(undefined) ? undefined : (all as Value[][]);
  };
  if (name in OPERATOR_METHODS) {
    const lists = others();
    if (self.unsure || !lists) return UNKNOWN;
    let acc: Value[] = self.items;
    for (const l of lists) acc = combine(OPERATOR_METHODS[name], acc, makeSet(l).items);
    const made = makeSet(acc, self.frozen === true);
    return lists.some((l) => makeSet(l).unsure) ? UNKNOWN : made;
  }
  if (name === 'copy') return self.unsure ? UNKNOWN : { ...self, items: [...self.items] };
  if (name === 'issubset' || name === 'issuperset' || name === 'isdisjoint') {
    const other = args.length === 1 ? items(args[0]) : undefined;
    const o = other && makeSet(other);
    if (self.unsure || !o || o.unsure) return UNKNOWN;
    const mine = keysOf(self.items);
    const theirs = keysOf(o.items);
    const within = (p: Set<string>, q: Set<string>) => [...p].every((k) => q.has(k));
    const value =
      name === 'issubset'
        ? within(mine, theirs)
        : name === 'issuperset'
          ? within(theirs, mine)
          : [...mine].every((k) => !theirs.has(k));
    return { kind: 'bool', value };
  }
  // The rest change the set: a frozenset has none of them (Python's AttributeError: left unknown).
  if (self.frozen) return UNKNOWN;
  if (self.unsure) return UNKNOWN;
  if (name === 'add' && args.length === 1) {
    const k = hashKey(args[0]);
    if (k === undefined) return unsure();
    if (!self.items.some((y) => hashKey(y) === k)) self.items.push(args[0]);
    return NONE_V;
  }
  if (name in UPDATE_METHODS) {
    const lists = others();
    if (!lists) return unsure();
    let acc: Value[] = self.items;
    for (const l of lists) {
      const s = makeSet(l);
      if (s.unsure) return unsure();
      acc = combine(UPDATE_METHODS[name], acc, s.items);
    }
    self.items = makeSet(acc).items;
    return NONE_V;
  }
  if ((name === 'discard' || name === 'remove') && args.length === 1) {
    const k = hashKey(args[0]);
    if (k === undefined) return unsure();
    const at = self.items.findIndex((y) => hashKey(y) === k);
    // `remove` of a missing item raises KeyError: not reported, the set left unknown.
    if (at < 0) return name === 'remove' ? unsure() : NONE_V;
    self.items.splice(at, 1);
    return NONE_V;
  }
  if (name === 'clear' && args.length === 0) {
    self.items = [];
    return NONE_V;
  }
  // `pop` takes an item Python's order chooses: which one is not known.
  return unsure();
}
