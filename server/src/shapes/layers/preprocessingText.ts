/**
 * Text and lookup preprocessing layers (`layers/preprocessing/`): TextVectorization, StringLookup and
 * IntegerLookup, which need TensorFlow in Keras 3.15; the rules follow their `compute_output_shape`.
 *
 * Only the shapes are modelled, not the constructors' checks. The depth of a counting output
 * (`multi_hot`, `count`, `tf_idf`, `one_hot`) is `max_tokens` with `pad_to_max_tokens=True`, else the
 * vocabulary's size: known for a `vocabulary=` list written out, not for one `adapt` learns (`'?'`).
 */

import { cannotTell } from '../errors';
import type { Args } from '../args';
import { singleInput } from '../inputSpec';
import { layerName } from '../naming';
import type { LayerRule } from '../rule';
import type { Dim, Shape } from '../shape';
import { recordedParams } from '../signatures';
import type { PyValue } from '../values';

/** A string argument, or `cannotTell` (a wrong type is the constructor's error, not modelled). */
function strArg(a: Args, name: string): string {
  const v = a.known(name);
  if (v.kind !== 'str') cannotTell(`${name} is not a string`);
  return v.value;
}

/** An int argument or None; `cannotTell` for anything else. */
function intOrNone(a: Args, name: string): number | null {
  const v = a.known(name);
  if (v.kind === 'none') return null;
  if (v.kind !== 'int' || v.numpy) cannotTell(`${name} is not an int`);
  return v.value;
}

function sameToken(x: PyValue, token: PyValue): boolean {
  return (x.kind === 'str' || x.kind === 'int') && x.kind === token.kind && x.value === token.value;
}

/**
 * IndexLookup's vocabulary size in a counting mode (`_frozen_vocab_size`): the tokens of a `vocabulary=`
 * list plus the OOV indices (the mask token is counted in `int` mode only, which has no depth). Leading
 * special tokens written in the list are not counted twice; any other place of them, a repeated token
 * (Keras's errors) or a vocabulary not written out is not followed.
 */
function vocabularyDepth(a: Args, maskToken: PyValue, oovToken: PyValue, numOov: number): Dim {
  const vocab = a.get('vocabulary');
  if (vocab.kind !== 'list' && vocab.kind !== 'tuple') return '?';
  let tokens = vocab.items;
  const special: PyValue[] = Array.from({ length: numOov }, () => oovToken);
  if (tokens.length >= special.length && special.every((t, i) => sameToken(tokens[i], t)))
    tokens = tokens.slice(special.length);
  const seen = new Set<string>();
  for (const t of tokens) {
    if (t.kind !== 'str' && t.kind !== 'int') return '?';
    if (sameToken(t, maskToken) || sameToken(t, oovToken)) return '?';
    const key = `${t.kind}:${t.value}`;
    if (seen.has(key)) return '?';
    seen.add(key);
  }
  return tokens.length + numOov;
}

/** IndexLookup's `compute_output_shape` for an input shape and output mode, given its depth. */
function lookupOutput(input: Shape, mode: string, depth: () => Dim): Shape {
  if (mode === 'int') return input;
  if (!['one_hot', 'multi_hot', 'count', 'tf_idf'].includes(mode)) cannotTell(`output_mode ${mode}`);
  if (mode === 'one_hot') {
    const last = input[input.length - 1];
    if (input.length > 1 && last === '?') cannotTell('one_hot: last input dimension not known');
    if (input.length > 1 && last === 1) return [...input.slice(0, -1), depth()];
    return [...input, depth()];
  }
  return [...input.slice(0, -1), depth()];
}

function lookupRule(className: 'StringLookup' | 'IntegerLookup'): LayerRule {
  return {
    className,
    signature: recordedParams(className),
    call(a, inputs) {
      const x = singleInput(layerName(a), inputs);
      if (a.bool('invert')) cannotTell('an inverted lookup');
      const mode = strArg(a, 'output_mode');
      const depth = (): Dim => {
        const maxTokens = intOrNone(a, 'max_tokens');
        if (a.bool('pad_to_max_tokens') && maxTokens !== null) return maxTokens;
        const numOov = intOrNone(a, 'num_oov_indices');
        if (numOov === null || numOov < 0) return '?';
        return vocabularyDepth(a, a.known('mask_token'), a.known('oov_token'), numOov);
      };
      return { outputs: [lookupOutput(x, mode, depth)], weights: [] };
    },
  };
}

/**
 * TextVectorization: `int` gives `(batch, output_sequence_length)`; the counting modes split each string
 * (a new last axis, unless `split=None`, which only makes a rank-1 input rank 2) and count over that axis.
 * Its lookup has the mask token `""` and one OOV index.
 */
const textVectorization: LayerRule = {
  className: 'TextVectorization',
  signature: recordedParams('TextVectorization'),
  call(a, inputs) {
    const x = singleInput(layerName(a), inputs);
    const mode = strArg(a, 'output_mode');
    if (mode === 'int') return { outputs: [[x[0] ?? null, intOrNone(a, 'output_sequence_length')]], weights: [] };
    const split = a.known('split');
    const tokenized: Shape = split.kind === 'none' ? (x.length <= 1 ? [...x, 1] : x) : [...x, null];
    const depth = (): Dim => {
      const maxTokens = intOrNone(a, 'max_tokens');
      if (a.bool('pad_to_max_tokens') && maxTokens !== null) return maxTokens;
      // With ngrams or a standardization, the vocabulary written out is still the lookup's.
      return vocabularyDepth(a, { kind: 'str', value: '' }, { kind: 'str', value: '[UNK]' }, 1);
    };
    return { outputs: [lookupOutput(tokenized, mode, depth)], weights: [] };
  },
};

export const textRules: LayerRule[] = [textVectorization, lookupRule('StringLookup'), lookupRule('IntegerLookup')];
