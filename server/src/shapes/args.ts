/**
 * Binding a constructor call to a layer's Python signature, and reading the
 * bound arguments the way Keras validates them.
 *
 * Every accessor raises `KerasError` where Keras would raise for that value
 * and `CannotTell` where the value is unknown, so rule code reads like the
 * Keras constructor it mirrors.
 */

import { cannotTell, raise } from './errors';
import { standardizeDataFormat } from './python/validation';
import { kerasClassOf } from './messages/layerCalls';
import type { KeywordPolicy } from './signatures';
import { pyTruth, pyTypeName, type LayerCall, type PyValue } from './values';

export interface Param {
  name: string;
  /** Default value; absent means the parameter is required. */
  default?: PyValue;
  /** Keyword-only (after `*` in the Python signature). */
  kwOnly?: boolean;
}

const NONE: PyValue = { kind: 'none' };

export interface EngineOptions {
  /** `keras.config.image_data_format()`: what `data_format=None` means. */
  imageDataFormat: 'channels_last' | 'channels_first';
}

export const DEFAULT_OPTIONS: EngineOptions = { imageDataFormat: 'channels_last' };

/** The arguments of one layer, bound to its signature. */
export class Args {
  constructor(
    readonly className: string,
    private readonly values: Map<string, PyValue>,
    private readonly explicit: Set<string>,
    readonly options: EngineOptions,
  ) {}

  /** The bound value, or the default, or None when the name is not in the signature. */
  get(name: string): PyValue {
    return this.values.get(name) ?? NONE;
  }

  /** True when the call passed this argument (positionally or by keyword). */
  given(name: string): boolean {
    return this.explicit.has(name);
  }

  isNone(name: string): boolean {
    return this.known(name).kind === 'none';
  }

  /** The value, raising `CannotTell` when the source does not tell it. */
  known(name: string): PyValue {
    const v = this.get(name);
    if (v.kind === 'unknown') cannotTell(`${this.className}: \`${name}\` is not known statically`);
    return v;
  }

  /** An `int` (Python bool is an int too, as `isinstance(True, int)` is). */
  int(name: string): number {
    const v = this.known(name);
    if (v.kind === 'int') return v.value;
    if (v.kind === 'bool') return v.value ? 1 : 0;
    raise('expectedInteger', { name, value: v });
  }

  /** A positive int, with Keras's usual "expected a positive integer" message. */
  positiveInt(name: string): number {
    const v = this.known(name);
    // `isinstance(x, int)` is False for a NumPy integer: Keras rejects `Dense(np.max(y) + 1)`.
    if (
      (v.kind !== 'int' && v.kind !== 'bool') ||
      (v.kind === 'int' && v.numpy) ||
      (v.kind === 'int' ? v.value : Number(v.value)) <= 0
    ) {
      raise('expectedPositiveInteger', { name, value: v });
    }
    return v.kind === 'int' ? v.value : 1;
  }

  /** Any real number (int or float). */
  number(name: string): number {
    const v = this.known(name);
    if (v.kind === 'int' || v.kind === 'float') return v.value;
    if (v.kind === 'bool') return v.value ? 1 : 0;
    raise('expectedNumber', { name, value: v });
  }

  /** Python truthiness of the argument. */
  bool(name: string): boolean {
    return truthy(this.known(name));
  }

  str(name: string): string {
    const v = this.known(name);
    if (v.kind !== 'str') raise('expectedString', { name, value: v });
    return v.value;
  }

  /** `data_format`, standardized as `keras.src.backend.standardize_data_format` does. */
  dataFormat(name = 'data_format'): 'channels_last' | 'channels_first' {
    return standardizeDataFormat(this.known(name), this.options.imageDataFormat);
  }

  /** A rate in [0, 1] as Dropout-like layers require (`0 <= rate <= 1`). */
  rate(name: string): number {
    const v = this.known(name);
    // `0 <= rate <= 1`: Python cannot order an int and another type.
    if (v.kind !== 'int' && v.kind !== 'float' && v.kind !== 'bool')
      raise('notOrderable', { op: '<=', left: 'int', right: pyTypeName(v) });
    const x = this.number(name);
    if (x < 0 || x > 1) raise('rateOutOfRange', { name, value: v });
    return x;
  }
}

/** Python truthiness. */
export function truthy(v: PyValue): boolean {
  return pyTruth(v) ?? cannotTell('truth value not known statically');
}

/**
 * Binds a call to a signature the way Python does: positional arguments in
 * order, then keywords; unexpected, duplicated or missing arguments raise
 * `TypeError`. Keywords not in the signature go to `**kwargs` as the
 * recorded `keywords` policy says: without `**kwargs` they are a TypeError;
 * otherwise the base `Layer` takes its own and raises `ValueError` on the rest.
 */
export function bindArgs(call: LayerCall, signature: Param[], keywords: KeywordPolicy, options: EngineOptions): Args {
  const values = new Map<string, PyValue>();
  const explicit = new Set<string>();
  const positional = signature.filter((q) => !q.kwOnly);
  const name = call.className;
  // Python counts `self` among the positional arguments.
  const fn = `${kerasClassOf(name)}.__init__`;
  if (call.args.length > positional.length) {
    const required = positional.filter((q) => q.default === undefined).length;
    if (required === positional.length)
      raise('tooManyPositional', { fn, takes: positional.length + 1, given: call.args.length + 1 });
    raise('tooManyPositionalRange', {
      fn,
      min: required + 1,
      max: positional.length + 1,
      given: call.args.length + 1,
    });
  }
  call.args.forEach((v, i) => {
    values.set(positional[i].name, v);
    explicit.add(positional[i].name);
  });
  const known = new Set(signature.map((q) => q.name));
  const unrecognized: Array<[string, PyValue]> = [];
  for (const [k, v] of call.kwargs) {
    if (known.has(k)) {
      if (explicit.has(k)) raise('multipleValues', { fn, name: k });
      values.set(k, v);
      explicit.add(k);
    } else if (keywords.kind === 'none') {
      raise('unexpectedKeyword', { fn, name: k });
    } else if (keywords.kind === 'any' || keywords.accepted.has(k)) {
      values.set(k, v);
      explicit.add(k);
    } else {
      unrecognized.push([k, v]);
    }
  }
  const missing = signature.filter((q) => q.default === undefined && !explicit.has(q.name)).map((q) => q.name);
  if (missing.length > 0) raise('missingPositional', { fn, names: missing });
  for (const q of signature) {
    if (!values.has(q.name) && q.default !== undefined) values.set(q.name, q.default);
  }
  // A keyword the class itself passes to a base `__init__` reaches it twice.
  if (keywords.kind === 'layer') {
    const twice = call.kwargs.find(([k]) => keywords.duplicates.has(k));
    const dup = twice && keywords.duplicates.get(twice[0]);
    if (twice && dup) raise(dup.byKeyword ? 'multipleValuesKeyword' : 'multipleValues', { fn: dup.fn, name: twice[0] });
  }
  if (unrecognized.length > 0) raise('unrecognizedKeywords', { className: kerasClassOf(name), kwargs: unrecognized });
  return new Args(name, values, explicit, options);
}

/** The items of a tuple or list, or null when the value is neither. */
export function sequenceItems(v: PyValue): PyValue[] | null {
  return v.kind === 'tuple' || v.kind === 'list' ? v.items : null;
}

/** `keras.src.utils.argument_validation.standardize_padding`. */
export function standardizePadding(v: PyValue, allowCausal = false): 'valid' | 'same' | 'causal' {
  if (v.kind === 'unknown') cannotTell('`padding` is not known statically');
  // `value.lower()` on a value that is not a string.
  if (v.kind !== 'str') raise('noAttribute', { type: pyTypeName(v), attribute: 'lower' });
  const s = v.value.toLowerCase();
  const allowed = allowCausal ? ['valid', 'same', 'causal'] : ['valid', 'same'];
  if (!allowed.includes(s)) raise('paddingArgInvalid', { padding: s, allowCausal });
  return s as 'valid' | 'same' | 'causal';
}
