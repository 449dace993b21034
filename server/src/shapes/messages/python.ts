/**
 * How Python and NumPy print values into Keras's messages, where
 * `values.ts` (`pyRepr`) and `shape.ts` (`formatShape`) do not already say:
 * `str()` as an f-string prints a value, the order in which a `set` prints
 * its items, and `str()` of a NumPy array.
 *
 * A set prints in the order of its hash table, and a string's hash depends on
 * `PYTHONHASHSEED`: from one Python process to the next the order of
 * `{'valid', 'same'}` may change. The order given here is CPython 3.11's with
 * `PYTHONHASHSEED=0` (SipHash-1-3 with a zero key), the reproducible one that
 * Keras's messages were recorded with.
 */

import { toSnakeCase } from '../naming';
import { floatRepr } from '../python/text';
import { pyRepr, type PyValue } from '../values';
import { kerasClassOf } from './layerCalls';

/**
 * Python's `str()` of a value, as an f-string interpolates it: a string
 * without quotes, a class as `<class '...'>`, a layer not yet built as
 * `Layer.__repr__` prints it.
 */
export function pyStr(v: PyValue): string {
  if (v.kind === 'str') return v.value;
  if (v.kind === 'int' && v.numpy) return String(v.value);
  if (v.kind === 'float' && !Number.isFinite(v.value))
    return Number.isNaN(v.value) ? 'nan' : v.value > 0 ? 'inf' : '-inf';
  if (v.kind === 'object' && !v.called) return `<class '${v.qualname}'>`;
  if (v.kind === 'layer') {
    const name = v.call.kwargs.find(([k]) => k === 'name')?.[1];
    const shown = v.name ?? (name?.kind === 'str' ? name.value : toSnakeCase(kerasClassOf(v.call.className)));
    return `<${kerasClassOf(v.call.className)} name=${shown}, built=${v.built ? 'True' : 'False'}>`;
  }
  return pyRepr(v);
}

/**
 * `str()` of a Python set of these items, in CPython's iteration order.
 * `literal`: a set display of constants in the source (`{"a", "b"}`), which
 * CPython builds by copying a frozenset made at compile time.
 */
export function pySetStr(items: PyValue[], literal = false): string {
  if (items.length === 0) return 'set()';
  return `{${(literal ? pySetLiteralOrder(items) : pySetOrder(items)).map(pyRepr).join(', ')}}`;
}

type Table = Array<{ item: PyValue; hash: bigint } | undefined>;

/** The items of `set(items)` in the order CPython iterates them (duplicates dropped). */
export function pySetOrder(items: PyValue[]): PyValue[] {
  return setTable(items)
    .filter((e) => e !== undefined)
    .map((e) => e.item);
}

/**
 * A set display of constants (`{"valid", "same", "causal"}` in Keras's
 * source): the compiler's frozenset is built item by item, then `set_merge`
 * copies it into an empty set, resized first to hold twice its items when it
 * is 3/5 full (and then re-inserted, unless the two tables have the same
 * size). CPython may rebuild that frozenset from its own order when interning
 * replaces one of its strings, which depends on the interpreter's state; the
 * order here is that of one build, the one the sets Keras prints show
 * (`test/truth/python-printing/`).
 */
function pySetLiteralOrder(items: PyValue[]): PyValue[] {
  const frozen = setTable(items);
  const entries = frozen.filter((e) => e !== undefined);
  let size = 8;
  if (entries.length * 5 >= (size - 1) * 3) {
    size = 8;
    while (size <= entries.length * 2) size *= 2;
  }
  if (size === frozen.length) return entries.map((e) => e.item);
  const table: Table = new Array(size);
  for (const e of entries) insert(table, e.item, e.hash, false);
  return table.filter((e) => e !== undefined).map((e) => e.item);
}

function setTable(items: PyValue[]): Table {
  let table: Table = new Array(8);
  let used = 0;
  for (const item of items) {
    const hash = pyHash(item);
    if (table.some((e) => e !== undefined && e.hash === hash && pyEqual(e.item, item))) continue;
    insert(table, item, hash, true);
    used++;
    // setobject.c grows the table when it is 3/5 full: to the first power of two above used * 4.
    if (used * 5 >= (table.length - 1) * 3) {
      let size = 8;
      while (size <= used * 4) size *= 2;
      const old = table;
      table = new Array(size);
      for (const e of old) if (e) insert(table, e.item, e.hash, false);
    }
  }
  return table;
}

/** Python's `==` for what a set holds: numbers by value (`0 == 0.0 == False`), anything else by its repr. */
function pyEqual(a: PyValue, b: PyValue): boolean {
  const num = (v: PyValue) =>
    v.kind === 'int' || v.kind === 'float' ? v.value : v.kind === 'bool' ? Number(v.value) : null;
  const [x, y] = [num(a), num(b)];
  return x !== null || y !== null ? x === y : pyRepr(a) === pyRepr(b);
}

const LINEAR_PROBES = 9n;
const MASK64 = (1n << 64n) - 1n;

/** `set_add_entry` / `set_insert_clean`: linear probes of 9, then the perturbed jump. */
function insert(table: Table, item: PyValue, hash: bigint, adding: boolean): void {
  const mask = BigInt(table.length - 1);
  let perturb = hash & MASK64;
  let i = perturb & mask;
  for (;;) {
    if (adding) {
      let probes = i + LINEAR_PROBES <= mask ? LINEAR_PROBES : 0n;
      for (let j = i; ; j++, probes--) {
        if (table[Number(j)] === undefined) {
          table[Number(j)] = { item, hash };
          return;
        }
        if (probes === 0n) break;
      }
    } else {
      if (table[Number(i)] === undefined) {
        table[Number(i)] = { item, hash };
        return;
      }
      if (i + LINEAR_PROBES <= mask) {
        for (let j = 1n; j <= LINEAR_PROBES; j++) {
          if (table[Number(i + j)] === undefined) {
            table[Number(i + j)] = { item, hash };
            return;
          }
        }
      }
    }
    perturb >>= 5n;
    i = (i * 5n + 1n + perturb) & mask;
  }
}

const MODULUS = (1n << 61n) - 1n;

/** CPython's `hash()` as an unsigned 64-bit value, for the values Keras puts in sets. */
function pyHash(v: PyValue): bigint {
  switch (v.kind) {
    case 'str':
      return fixMinusOne(siphash13(new TextEncoder().encode(v.value)));
    case 'int':
      return intHash(BigInt(v.value));
    case 'bool':
      return v.value ? 1n : 0n;
    case 'float':
      return floatHash(v.value);
    case 'none':
      return 0xfcba98n;
    default:
      return BigInt(pyRepr(v).length);
  }
}

function fixMinusOne(h: bigint): bigint {
  return h === MASK64 ? MASK64 - 1n : h;
}

function intHash(n: bigint): bigint {
  const negative = n < 0n;
  let x = (negative ? -n : n) % MODULUS;
  if (negative) x = -x;
  if (x === -1n) x = -2n;
  return x & MASK64;
}

/** `_Py_HashDouble`. */
function floatHash(v: number): bigint {
  if (!Number.isFinite(v)) return Number.isNaN(v) ? 0n : v > 0 ? 314159n : -314159n & MASK64;
  if (Number.isInteger(v)) return intHash(BigInt(v));
  let [m, e] = frexp(v);
  let sign = 1n;
  if (m < 0) {
    sign = -1n;
    m = -m;
  }
  let x = 0n;
  while (m) {
    x = ((x << 28n) & MODULUS) | (x >> (61n - 28n));
    m *= 268435456.0;
    e -= 28;
    const y = Math.floor(m);
    m -= y;
    x += BigInt(y);
    if (x >= MODULUS) x -= MODULUS;
  }
  const shift = BigInt(e >= 0 ? e % 61 : 61 - 1 - ((-1 - e) % 61));
  x = ((x << shift) & MODULUS) | (x >> (61n - shift));
  x = (x * sign) & MASK64;
  return fixMinusOne(x);
}

function frexp(v: number): [number, number] {
  if (v === 0) return [0, 0];
  let e = Math.ceil(Math.log2(Math.abs(v)));
  let m = v / 2 ** e;
  while (Math.abs(m) >= 1) {
    m /= 2;
    e++;
  }
  while (Math.abs(m) < 0.5) {
    m *= 2;
    e--;
  }
  return [m, e];
}

function rotl(x: bigint, b: bigint): bigint {
  return ((x << b) | (x >> (64n - b))) & MASK64;
}

/** CPython's SipHash-1-3 of a string's bytes, with the zero key `PYTHONHASHSEED=0` gives. */
function siphash13(bytes: Uint8Array): bigint {
  let v0 = 0x736f6d6570736575n;
  let v1 = 0x646f72616e646f6dn;
  let v2 = 0x6c7967656e657261n;
  let v3 = 0x7465646279746573n;
  const round = () => {
    v0 = (v0 + v1) & MASK64;
    v2 = (v2 + v3) & MASK64;
    v1 = rotl(v1, 13n) ^ v0;
    v3 = rotl(v3, 16n) ^ v2;
    v0 = rotl(v0, 32n);
    v2 = (v2 + v1) & MASK64;
    v0 = (v0 + v3) & MASK64;
    v1 = rotl(v1, 17n) ^ v2;
    v3 = rotl(v3, 21n) ^ v0;
    v2 = rotl(v2, 32n);
  };
  const word = (at: number, n: number) => {
    let w = 0n;
    for (let k = n - 1; k >= 0; k--) w = (w << 8n) | BigInt(bytes[at + k]);
    return w;
  };
  let at = 0;
  for (; bytes.length - at >= 8; at += 8) {
    const m = word(at, 8);
    v3 ^= m;
    round();
    v0 ^= m;
  }
  const b = ((BigInt(bytes.length) << 56n) | word(at, bytes.length - at)) & MASK64;
  v3 ^= b;
  round();
  v0 ^= b;
  v2 ^= 0xffn;
  round();
  round();
  round();
  return v0 ^ v1 ^ (v2 ^ v3);
}

/**
 * `str()` of a NumPy array made from a list of Python numbers (and `None`s),
 * as `np.array(shape)` prints: integers right-aligned to the widest, floats
 * aligned on the point, an array holding `None` (dtype object, which it keeps
 * when its Nones are replaced) unaligned.
 */
export function numpyArrayStr(items: Array<number | null | { float: number }>, objectDtype = false): string {
  if (objectDtype || items.some((x) => x === null)) {
    return `[${items.map((x) => (x === null ? 'None' : typeof x === 'number' ? String(x) : floatRepr(x.float))).join(' ')}]`;
  }
  if (items.some((x) => typeof x === 'object')) {
    const parts = items.map((x) => {
      const s = typeof x === 'number' ? String(x) : floatRepr((x as { float: number }).float);
      const [whole, frac = ''] = s.replace(/\.0$/, '.').split('.');
      return { whole, frac: frac };
    });
    const wide = Math.max(...parts.map((p) => p.whole.length));
    const fracWide = Math.max(...parts.map((p) => p.frac.length));
    return `[${parts.map((p) => `${p.whole.padStart(wide)}.${p.frac.padEnd(fracWide)}`).join(' ')}]`;
  }
  const texts = items.map(String);
  const wide = Math.max(...texts.map((t) => t.length));
  return `[${texts.map((t) => t.padStart(wide)).join(' ')}]`;
}
