/**
 * The constructors of Keras's layer classes as Keras 3.15.1 has them, read from
 * `layerSignatures.json` (recorded by `test/truth/layer-signatures/record.py`):
 * each class's `__init__` parameters in positional order with their defaults,
 * and the keywords it takes through `**kwargs`, found by probing Keras. (Its
 * `call` signature is in `messages/layerCalls.json`.)
 */

import record from './layerSignatures.json';
import type { Param } from './args';
import type { PyValue } from './values';

/** A default as the record writes it: JSON, with floats, tuples and lists tagged. */
type Encoded = null | boolean | number | string | { float: number } | { tuple: Encoded[] } | { list: Encoded[] };

interface RecordedClass {
  params: Array<[string] | [string, Encoded] | [string, Encoded, 1]>;
  aliases?: string[];
  kwargs: string[] | false | 'any' | null;
  duplicates?: Record<string, [fn: string, form: 'keyword' | 'positional']>;
}

/** A keyword the class passes to a base `__init__` itself: a user's one reaches `fn` twice. */
export interface Duplicate {
  fn: string;
  /** The class passes it by keyword (Python then says "keyword argument"), or positionally. */
  byKeyword: boolean;
}

/** What a constructor takes by keyword beyond its own parameters. */
export type KeywordPolicy =
  /** No `**kwargs`: any other keyword is Python's TypeError. */
  | { kind: 'none' }
  /** `**kwargs` that swallows any keyword. */
  | { kind: 'any' }
  /**
   * `**kwargs` reaching the base Layer: `accepted` are taken (the Layer's own
   * and those a base class takes), `duplicates` are keywords a base `__init__`
   * is given twice (with Python's message), the rest is Keras's ValueError.
   */
  | { kind: 'layer'; accepted: ReadonlySet<string>; duplicates: ReadonlyMap<string, Duplicate> };

export interface LayerSignature {
  params: Param[];
  keywords: KeywordPolicy;
}

/** The keywords `keras.layers.Layer.__init__` takes (its own and those it pops from `**kwargs`). */
export const LAYER_KEYWORDS: readonly string[] = record.layer_keywords;

const CLASSES = record.classes as unknown as Record<string, RecordedClass>;

const CANONICAL = new Map<string, string>();
for (const [name, entry] of Object.entries(CLASSES)) {
  CANONICAL.set(name, name);
  for (const alias of entry.aliases ?? []) CANONICAL.set(alias, name);
}

function decode(v: Encoded): PyValue {
  if (v === null) return { kind: 'none' };
  if (typeof v === 'boolean') return { kind: 'bool', value: v };
  if (typeof v === 'number') return { kind: 'int', value: v };
  if (typeof v === 'string') return { kind: 'str', value: v };
  if ('float' in v) return { kind: 'float', value: v.float };
  if ('tuple' in v) return { kind: 'tuple', items: v.tuple.map(decode) };
  return { kind: 'list', items: v.list.map(decode) };
}

function policy(entry: RecordedClass): KeywordPolicy {
  if (entry.kwargs === false) return { kind: 'none' };
  if (entry.kwargs === 'any') return { kind: 'any' };
  // A class Keras could not be built to probe (it needs TensorFlow) takes the base Layer's keywords.
  const duplicates = new Map(
    Object.entries(entry.duplicates ?? {}).map(([k, [fn, form]]) => [k, { fn, byKeyword: form === 'keyword' }]),
  );
  const accepted = new Set([...LAYER_KEYWORDS, ...(entry.kwargs ?? [])].filter((k) => !duplicates.has(k)));
  return { kind: 'layer', accepted, duplicates };
}

const decoded = new Map<string, LayerSignature>();

/** The recorded constructor of a Keras layer class (by any of its public names), or undefined. */
export function layerSignature(className: string): LayerSignature | undefined {
  const name = CANONICAL.get(className);
  if (name === undefined) return undefined;
  let sig = decoded.get(name);
  if (!sig) {
    const entry = CLASSES[name];
    const params = entry.params.map(([n, ...rest]): Param => {
      const param: Param = { name: n, kwOnly: rest[1] === 1 };
      if (rest.length > 0) param.default = decode(rest[0] as Encoded);
      return param;
    });
    sig = { params, keywords: policy(entry) };
    decoded.set(name, sig);
  }
  return sig;
}

/** The parameters of a class's `__init__`, for a rule's `signature`; a name Keras does not export is a bug. */
export function recordedParams(className: string): Param[] {
  const sig = layerSignature(className);
  if (!sig) throw new Error(`no recorded signature for ${className}`);
  return sig.params;
}

/** The public names Keras gives the class `className` (itself first, then its aliases). */
export function recordedNames(className: string): string[] {
  const name = CANONICAL.get(className);
  return name === undefined ? [] : [name, ...(CLASSES[name].aliases ?? [])];
}
