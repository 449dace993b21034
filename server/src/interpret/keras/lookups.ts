/**
 * The vocabulary of StringLookup and IntegerLookup layers, where the source gives it: `vocabulary_size()`
 * counts the tokens of a `vocabulary=` list written out, or of the data `adapt` is given when that is
 * written out (a list, or nested lists, of strings or ints), plus the OOV indices and, in `int` mode, the
 * mask token (Keras's `lookup_table.size() + _token_start_index()`), within `max_tokens`. Data or a
 * vocabulary not known, or one `set_vocabulary` gives, leaves it unknown.
 */

import type { PyValue } from '../../shapes/values';
import { type LayerObj, NONE_V, UNKNOWN, type Value } from '../values';
import type { KerasApi } from './api';

const LOOKUPS = new Set(['StringLookup', 'IntegerLookup']);

/** Tokens of the data `adapt` reads; undefined when any is not known. */
function dataTokens(v: Value, out: Value[], depth = 0): boolean {
  if (v.kind === 'str' || (v.kind === 'int' && !v.numpy)) {
    out.push(v);
    return true;
  }
  if ((v.kind === 'list' || v.kind === 'tuple') && !(v.kind === 'list' && v.unsure) && depth < 4)
    return v.items.every((x) => dataTokens(x, out, depth + 1));
  return false;
}

/** `layer.adapt(...)`, `layer.vocabulary_size()`, `layer.set_vocabulary(...)` of a lookup layer; undefined for others. */
export function lookupMethod(api: KerasApi, layer: LayerObj, name: string, args: Value[]): Value | undefined {
  if (!LOOKUPS.has(layer.className) || layer.constructed.status !== 'ok') return undefined;
  if (name === 'adapt' || name === 'set_vocabulary') {
    const tokens: Value[] = [];
    const known = name === 'adapt' && args.length === 1 && dataTokens(args[0], tokens);
    api.lookupVocabularies.set(layer, known ? tokens : undefined);
    return NONE_V;
  }
  if (name !== 'vocabulary_size' || args.length > 0) return undefined;
  const bound = (n: string) => layer.constructed.status === 'ok' && layer.constructed.layer.args.get(n);
  const mask = bound('mask_token');
  const oov = bound('oov_token');
  const numOov = bound('num_oov_indices');
  const mode = bound('output_mode');
  const maxTokens = bound('max_tokens');
  if (!mask || !oov || !numOov || !mode || !maxTokens || numOov.kind !== 'int' || mode.kind !== 'str') return UNKNOWN;
  if (maxTokens.kind !== 'none' && maxTokens.kind !== 'int') return UNKNOWN;
  const same = (x: Value, t: PyValue) =>
    (x.kind === 'str' || x.kind === 'int') && x.kind === t.kind && x.value === t.value;
  const start = (mask.kind !== 'none' && mode.value === 'int' ? 1 : 0) + numOov.value;
  let tokens: Value[];
  if (api.lookupVocabularies.has(layer)) {
    const adapted = api.lookupVocabularies.get(layer);
    if (!adapted) return UNKNOWN;
    tokens = adapted.filter((t) => !same(t, mask) && !same(t, oov));
  } else {
    const vocab = bound('vocabulary');
    if (!vocab || (vocab.kind !== 'list' && vocab.kind !== 'tuple')) return UNKNOWN;
    tokens = vocab.items as Value[];
    const special: PyValue[] = [
      ...(mask.kind !== 'none' && mode.value === 'int' ? [mask] : []),
      ...Array(numOov.value).fill(oov),
    ];
    if (tokens.length >= special.length && special.every((t, i) => same(tokens[i], t)))
      tokens = tokens.slice(special.length);
    if (tokens.some((t) => same(t, mask) || same(t, oov))) return UNKNOWN;
  }
  const keys = new Set<string>();
  for (const t of tokens) {
    if (t.kind !== 'str' && t.kind !== 'int') return UNKNOWN;
    keys.add(`${t.kind}:${t.value}`);
  }
  // A written vocabulary with a repeated token is Keras's error: not followed.
  if (!api.lookupVocabularies.has(layer) && keys.size !== tokens.length) return UNKNOWN;
  const size = keys.size + start;
  return { kind: 'int', value: maxTokens.kind === 'int' ? Math.min(size, maxTokens.value) : size };
}
