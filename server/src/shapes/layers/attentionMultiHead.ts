/**
 * MultiHeadAttention and GroupQueryAttention
 * (`keras/src/layers/attention/multi_head_attention.py`,
 * `grouped_query_attention.py`). Both are called with tensors, positionally
 * or by keyword: `mha(query, value[, key])`.
 *
 * Their weights are those of EinsumDense projections built in `build`, so
 * the parameter counts come from the same equation analysis as EinsumDense
 * (coreEinsum.ts), quirks included. The output shape is the query's shape
 * (MultiHeadAttention's last axis replaced by `output_shape` when given).
 */

import { sequenceItems, truthy, type Args } from '../args';
import { cannotTell, duringCall, raise } from '../errors';
import { shapeTuple } from '../messages/base';
import { layerName } from '../naming';
import type { Dim, Shape } from '../shape';
import type { CallArg, CallInputs } from '../tensors';
import type { CallResult, LayerRule, Weight } from '../rule';
import { pyTypeName, type PyValue } from '../values';
import { recordedParams } from '../signatures';
import { analyzeEinsum, einsumWeights, type EinsumPlan } from './coreEinsum';
import { quantizationOf, type Quantization } from '../dtypePolicy';
import { pyIndex, shapesMayEqual, sizeDim } from './corePy';

// ---- calling convention ----

const CALL_PARAMS = [
  'query',
  'value',
  'key',
  'query_mask',
  'value_mask',
  'key_mask',
  'attention_mask',
  'return_attention_scores',
  'training',
  'use_causal_mask',
];

interface AttentionCall {
  query: Shape;
  value: Shape;
  key: Shape | null;
  returnScores: boolean;
}

/** Binds the call's arguments to `call(query, value, key=None, ...)` as Python would. */
function bindCall(inputs: CallInputs): AttentionCall {
  const bound = new Map<string, CallArg>();
  if (inputs.args.length > CALL_PARAMS.length) raise('tooManyPositionalBind', {});
  inputs.args.forEach((a, i) => bound.set(CALL_PARAMS[i], a));
  for (const [k, a] of Object.entries(inputs.kwargs)) {
    if (!CALL_PARAMS.includes(k)) raise('unexpectedKeywordBind', { name: k });
    if (bound.has(k)) raise('multipleValuesBind', { name: k });
    bound.set(k, a);
  }
  for (const need of ['query', 'value']) {
    if (!bound.has(need)) raise('missingArgumentBind', { name: need });
  }
  const tensor = (name: string): Shape | null => {
    const a = bound.get(name);
    if (a === undefined || (a.kind === 'value' && a.value.kind === 'none')) return null;
    if (a.kind !== 'tensor') cannotTell(`attention: \`${name}\` is not a single tensor`);
    return a.shape;
  };
  const flag = bound.get('return_attention_scores');
  const returnScores = flag === undefined ? false : flag.kind !== 'value' || truthy(flag.value);
  const query = tensor('query');
  const value = tensor('value');
  if (query === null || value === null) cannotTell('attention: query or value is None');
  return { query, value, key: tensor('key'), returnScores };
}

/** `value_shape[1:-1] != key_shape[1:-1]` raises in build and in compute_output_shape. */
function checkValueKey(value: Shape, key: Shape): void {
  if (!shapesMayEqual(value.slice(1, -1), key.slice(1, -1))) raise('attentionValueKeyMismatch', { value, key });
}

/** `Dropout(rate=dropout)` made in build: `0 <= rate <= 1`. */
function checkDropoutRate(v: PyValue): void {
  if (v.kind === 'unknown') cannotTell('`dropout` is not known statically');
  if (v.kind !== 'int' && v.kind !== 'float' && v.kind !== 'bool')
    raise('notOrderable', { op: '<=', left: 'int', right: pyTypeName(v) });
  const x = Number(v.value);
  if (x < 0 || x > 1) raise('rateOutOfRange', { name: 'rate', value: v });
}

/** The constructor checks both layers share: `sliding_window`, and flash attention refusing dropout. */
function checkCommon(a: Args): void {
  const w = a.known('sliding_window');
  if (w.kind !== 'none' && ((w.kind !== 'int' && w.kind !== 'bool') || Number(w.value) <= 0)) {
    raise('slidingWindowInvalid', { value: w });
  }
  if (a.bool('flash_attention')) {
    const d = a.known('dropout');
    if ((d.kind === 'int' || d.kind === 'float' || d.kind === 'bool') && Number(d.value) > 0) {
      raise('flashAttentionDropout', {});
    }
  }
}

// ---- MultiHeadAttention ----

/** `_build_proj_equation`: an einsum for a projection and its bias axes. */
function projEquation(
  free: number,
  bound: number,
  outputDims: number,
): { equation: string; biasAxes: string; outputRank: number } {
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  const at = (i: number) => pyIndex([...letters], i, 'string');
  const range = (from: number, n: number) => Array.from({ length: n }, (_, i) => at(from + i)).join('');
  const freeAxes = range(0, free);
  const boundAxes = range(free, bound);
  const outAxes = range(free + bound, outputDims);
  const output = freeAxes + outAxes;
  return {
    equation: `${freeAxes}${boundAxes},${boundAxes}${outAxes}->${output}`,
    biasAxes: outAxes,
    outputRank: output.length,
  };
}

/** `_get_output_shape`: Nones in front of the known last dimensions. */
function partialShape(outputRank: number, last: Dim[]): Dim[] {
  return [...new Array<Dim>(Math.max(0, outputRank - last.length)).fill(null), ...last];
}

interface Projection {
  plan: EinsumPlan;
  weights: Weight[];
  outputRank: number;
}

/**
 * One EinsumDense projection as MultiHeadAttention builds it on `input`; `free` counts the kept leading axes.
 * The projection has the layer's dtype policy (`quant`).
 */
function project(
  path: string,
  input: Shape,
  free: number,
  bound: number,
  last: Dim[],
  useBias: boolean,
  quant: Quantization | null,
): Projection {
  const eq = projEquation(free, bound, last.length);
  const plan = analyzeEinsum(eq.equation, useBias ? eq.biasAxes : null, input, partialShape(eq.outputRank - 1, last));
  return { plan, weights: einsumWeights(path, plan, quant, eq.equation), outputRank: eq.outputRank };
}

interface MhaState {
  heads: number;
  keyDim: number;
  valueDim: number;
  outputShape: Dim[] | null;
  axes: Array<number | 'float'> | null;
}

function positiveIntArg(a: Args, name: string, orNone = false): number | null {
  const v = a.known(name);
  if (orNone && v.kind === 'none') return null;
  if ((v.kind !== 'int' && v.kind !== 'bool') || (v.kind === 'int' && v.numpy) || Number(v.value) <= 0) {
    raise('attentionSizeInvalid', { name, value: v, orNone });
  }
  return Number(v.value);
}

function mhaOutputShape(v: PyValue): Dim[] | null {
  if (v.kind === 'unknown') cannotTell('MultiHeadAttention: `output_shape` is not known statically');
  // A NumPy integer is neither `int` nor a sequence: refused when truthy.
  if (v.kind === 'int' && v.numpy && v.value !== 0) raise('attentionOutputShapeInvalid', { value: v });
  if (v.kind === 'int' || v.kind === 'bool') return v.value ? [Number(v.value)] : null;
  const items = sequenceItems(v);
  if (items) {
    if (items.length === 0) return null;
    return items.map((x): Dim => {
      if (x.kind === 'int' || x.kind === 'bool') return Number(x.value);
      if (x.kind === 'none') return null;
      if (x.kind === 'unknown') return '?';
      return cannotTell('MultiHeadAttention: unusual `output_shape` item');
    });
  }
  if (v.kind === 'none' || (v.kind === 'float' && v.value === 0)) return null;
  if (v.kind === 'float') {
    raise('attentionOutputShapeInvalid', { value: v });
  }
  return cannotTell('MultiHeadAttention: unusual `output_shape`');
}

/**
 * `attention_axes` as the constructor keeps it: an int (a bool is one)
 * becomes a 1-tuple; another truthy non-sequence raises. A float inside the
 * sequence only fails in build (numpy refuses it as an index): `'float'`.
 */
function mhaAxes(v: PyValue): Array<number | 'float'> | null {
  if (v.kind === 'unknown') cannotTell('MultiHeadAttention: `attention_axes` is not known statically');
  if ((v.kind === 'int' && !v.numpy) || v.kind === 'bool') return [Number(v.value)];
  if (v.kind === 'none') return null;
  const items = sequenceItems(v);
  if (items === null) {
    // A falsy value is kept and fails (or not) later; an opaque object cannot be judged.
    if (v.kind === 'object' || v.kind === 'layer' || !truthy(v))
      cannotTell('MultiHeadAttention: unusual `attention_axes`');
    raise('attentionAxesInvalid', { value: v });
  }
  return items.map((x) => {
    if (x.kind === 'int' || x.kind === 'bool') return Number(x.value);
    if (x.kind === 'float') return 'float';
    return cannotTell('MultiHeadAttention: unusual `attention_axes` item');
  });
}

/** `_build_attention`: the axes, made non-negative as Keras does, must index an array of `rank` items. */
function checkAttentionAxes(axes: Array<number | 'float'> | null, rank: number): void {
  if (axes?.includes('float')) raise('numpyIndexNotInteger', {});
  const resolved = (axes ?? []).map((x) => (typeof x === 'number' && x < 0 ? rank - 1 + x : (x as number)));
  for (const i of [...resolved, rank - 1]) {
    if (i < -rank || i >= rank) raise('numpyIndexOutOfBounds', { index: i, axis: 0, size: rank });
  }
}

const multiHeadAttention: LayerRule = {
  className: 'MultiHeadAttention',
  signature: recordedParams('MultiHeadAttention'),
  construct(a): MhaState {
    const heads = positiveIntArg(a, 'num_heads')!;
    const keyDim = positiveIntArg(a, 'key_dim')!;
    const valueDim = positiveIntArg(a, 'value_dim', true) ?? keyDim;
    const outputShape = mhaOutputShape(a.known('output_shape'));
    const axes = mhaAxes(a.known('attention_axes'));
    checkCommon(a);
    return { heads, keyDim, valueDim, outputShape, axes };
  },
  call(a, inputs, _ctx, state): CallResult {
    const s = state as MhaState;
    const path = layerName(a);
    const { query, value, key: keyArg, returnScores } = bindCall(inputs);
    const key = keyArg ?? value;
    checkValueKey(value, key);
    const useBias = a.bool('use_bias');
    const quant = quantizationOf(a);
    const heads = (input: Shape, dim: number): [Shape, number, number, Dim[], boolean, Quantization | null] => [
      input,
      input.length - 1,
      1,
      [s.heads, dim],
      useBias,
      quant,
    ];
    const q = project(`${path}/query`, ...heads(query, s.keyDim));
    const weights = [...q.weights, ...project(`${path}/key`, ...heads(key, s.keyDim)).weights];
    if (a.bool('use_gate')) weights.push(...project(`${path}/gate`, ...heads(query, s.valueDim)).weights);
    const v = project(`${path}/value`, ...heads(value, s.valueDim));
    weights.push(...v.weights);
    checkAttentionAxes(s.axes, v.outputRank);
    checkDropoutRate(a.known('dropout'));
    // The output projection reads the query projection's output with its last axis set to value_dim.
    const outLast = s.outputShape ?? [pyIndex(query, -1)];
    const combined = [...q.plan.output.slice(0, -1), s.valueDim];
    weights.push(
      ...project(`${path}/attention_output`, combined, query.length - 1, 2, outLast, useBias, quant).weights,
    );
    const out = s.outputShape ? [...query.slice(0, -1), ...s.outputShape] : query;
    if (!returnScores) return { outputs: [out], weights };
    const length = pyIndex(query, 1);
    return { outputs: [out, [pyIndex(query, 0), s.heads, length, length]], single: false, weights };
  },
};

// ---- GroupQueryAttention ----

/** Python's `a % b` on numbers (ints or floats), with its ZeroDivisionError. */
function checkDivisible(a: Args): void {
  const nq = a.known('num_query_heads');
  const nkv = a.known('num_key_value_heads');
  const num = (v: PyValue): number => {
    if (v.kind === 'int' || v.kind === 'float' || v.kind === 'bool') return Number(v.value);
    return cannotTell('GroupQueryAttention: head counts that are not numbers');
  };
  const x = num(nq);
  const y = num(nkv);
  if (y === 0) raise(nq.kind === 'float' || nkv.kind === 'float' ? 'floatModuloByZero' : 'integerModuloByZero', {});
  if (((x % y) + y) % y !== 0) raise('headsNotDivisible', {});
}

/** `1.0 / math.sqrt(float(head_dim))` in the constructor. */
function checkHeadDim(a: Args): void {
  const v = a.known('head_dim');
  if (v.kind !== 'int' && v.kind !== 'float' && v.kind !== 'bool')
    return cannotTell('GroupQueryAttention: unusual `head_dim`');
  const x = Number(v.value);
  if (x < 0) raise('mathDomainError', {});
  if (x === 0) raise('floatDivisionByZero', {});
}

const groupQueryAttention: LayerRule = {
  className: 'GroupQueryAttention',
  signature: recordedParams('GroupQueryAttention'),
  construct(a) {
    checkDivisible(a);
    checkCommon(a);
    checkHeadDim(a);
    return undefined;
  },
  call(a, inputs): CallResult {
    const { query, value, key: keyArg, returnScores } = bindCall(inputs);
    const key = keyArg ?? value;
    const feature = pyIndex(query, -1);
    const size = (name: string) => sizeDim(a.get(name), (r) => shapeTuple([feature, r]));
    const hd = size('head_dim');
    const nq = size('num_query_heads');
    const nkv = size('num_key_value_heads');
    const bias = (axes: string) => (a.bool('use_bias') ? axes : null);
    const quant = quantizationOf(a);
    const proj = (name: string, eq: string, input: Shape, heads: Dim, axes: string) =>
      einsumWeights(`${layerName(a)}/${name}`, analyzeEinsum(eq, bias(axes), input, [null, heads, hd]), quant, eq);
    const weights = proj('query', 'bqm,muh->bquh', query, nq, 'uh');
    weights.push(...proj('key', 'bkm,mvh->bkvh', key, nkv, 'vh'));
    if (a.bool('use_gate')) weights.push(...proj('gate', 'bqm,muh->bquh', query, nq, 'uh'));
    weights.push(...proj('value', 'bkm,mvh->bkvh', value, nkv, 'vh'));
    checkDropoutRate(a.known('dropout'));
    const outPlan = analyzeEinsum('bquh,uhm->bqm', bias('m'), [null, null, nq, hd], [null, feature]);
    weights.push(...einsumWeights(`${layerName(a)}/attention_output`, outPlan, quant, 'bquh,uhm->bqm'));
    const vLast = pyIndex(value, -1);
    // `compute_output_shape`, which runs inside the call.
    duringCall(() => {
      if (feature !== vLast && feature !== '?' && vLast !== '?') raise('queryValueLastDimMismatch', { query, value });
      checkValueKey(value, key);
    });
    if (!returnScores) return { outputs: [query], weights };
    const kvLen = pyIndex(keyArg ?? value, 1);
    return { outputs: [query, [pyIndex(query, 0), nq, pyIndex(query, 1), kvLen]], single: false, weights };
  },
};

export const multiHeadRules: LayerRule[] = [multiHeadAttention, groupQueryAttention];
