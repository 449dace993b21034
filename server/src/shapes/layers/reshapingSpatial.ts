/**
 * Spatial reshaping layers, one rule family each, parameterised by rank:
 * Cropping1D/2D/3D, ZeroPadding1D/2D/3D, UpSampling1D/2D/3D
 * (`keras/src/layers/reshaping/`).
 *
 * Keras keeps the user's numbers as given (a float cropping stays a float),
 * so a float or negative result only fails when the output tuple becomes a
 * shape; `finishShape` does that last step.
 */

import type { Args } from '../args';
import { cannotTell, duringCall, raise } from '../errors';
import { checkInputSpec, singleInput } from '../inputSpec';
import { layerName } from '../naming';
import type { LayerRule } from '../rule';
import type { Dim, Shape } from '../shape';
import { pyTypeName, tuple, type PyValue } from '../values';
import { numValue, type PyNum } from '../python/numbers';
import { pyIterItems, standardizeTuple } from '../python/validation';
import { asNumber, finishShape, rawDims, type RawDim } from './reshapingPy';
import { recordedParams } from '../signatures';

type Format = 'channels_last' | 'channels_first';
type Pair = [PyNum, PyNum];

const ORDINALS = ['1st', '2nd', '3rd'];

/** The pairs as the layer keeps them (`self.cropping`): one pair for 1-D, a tuple of pairs above. */
function pairsValue(pairs: Pair[]): PyValue {
  const one = (q: Pair) => tuple([numValue(q[0]), numValue(q[1])]);
  return pairs.length === 1 ? one(pairs[0]) : tuple(pairs.map(one));
}

/** Index of the first spatial axis: channels come first or last. */
function spatialOffset(format: Format): number {
  return format === 'channels_first' ? 2 : 1;
}

/**
 * The 2D/3D `cropping`/`padding` argument: an int for every side, or `n`
 * entries each standardized to a pair. Only cropping rejects a negative int
 * here; a negative int padding surfaces in the output shape.
 */
function nestedPairs(v: PyValue, n: number, what: 'cropping' | 'padding'): Pair[] {
  if (v.kind === 'unknown') cannotTell(`\`${what}\` is not known statically`);
  // `isinstance(x, int)`: a NumPy integer is neither an int nor has a `__len__`.
  const num = (v.kind === 'int' && !v.numpy) || v.kind === 'bool' ? (asNumber(v) as PyNum) : null;
  if (num !== null) {
    if (what === 'cropping' && num.value < 0) raise('croppingNegative', { value: v });
    return new Array(n).fill(null).map((): Pair => [num, num]);
  }
  if (v.kind === 'dict') cannotTell(`\`${what}\` is a dict`);
  if (v.kind === 'tuple' || v.kind === 'list' || v.kind === 'str') {
    const items = pyIterItems(v) as PyValue[];
    if (items.length !== n) raise('pairsArgLength', { what, n: n as 2 | 3, value: v });
    return items.map((x, i) => {
      const [lo, hi] = standardizeTuple(x, 2, `${ORDINALS[i]} entry of ${what}`, true);
      return [lo, hi];
    });
  }
  if (v.kind === 'object' || v.kind === 'layer') cannotTell(`\`${what}\` is an object`);
  raise('pairsArgInvalid', { what, n: n as 2 | 3, value: v });
}

interface PairsState {
  format: Format;
  pairs: Pair[];
}

const pairsFloat = (q: Pair) => q[0].isFloat || q[1].isFloat;

/** Cropping{n}D: each spatial axis loses the sum of its pair, which must leave at least 1. */
function croppingRule(n: 1 | 2 | 3): LayerRule {
  const name = `Cropping${n}D`;
  return {
    className: name,
    signature: recordedParams(name),
    construct(a): PairsState {
      if (n === 1) {
        const [lo, hi] = standardizeTuple(a.known('cropping'), 2, 'cropping', true);
        return { format: 'channels_last', pairs: [[lo, hi]] };
      }
      const format = a.dataFormat();
      return { format, pairs: nestedPairs(a.known('cropping'), n, 'cropping') };
    },
    call(a, inputs, _ctx, state) {
      const { format, pairs } = state as PairsState;
      const x = singleInput(layerName(a), inputs);
      checkInputSpec(layerName(a), x, { ndim: n + 2 });
      const out: RawDim[] = rawDims(x);
      const off = spatialOffset(format);
      // `compute_output_shape`, inside the call.
      return duringCall(() => {
        pairs.forEach((q, i) => {
          const d = x[off + i];
          const cut = q[0].value + q[1].value;
          if (typeof d === 'number' && d - cut <= 0)
            raise(n === 1 ? 'cropping1DTooLarge' : 'croppingTooLarge', { shape: x, cropping: pairsValue(pairs) });
          out[off + i] = { dim: typeof d === 'number' ? d - cut : d, isFloat: pairsFloat(q) };
        });
        return { outputs: [finishShape(out)], weights: [] };
      });
    },
  };
}

/** ZeroPadding{n}D: each spatial axis gains the sum of its pair. */
function zeroPaddingRule(n: 1 | 2 | 3): LayerRule {
  const name = `ZeroPadding${n}D`;
  return {
    className: name,
    signature: recordedParams(name),
    construct(a): PairsState {
      const format = a.dataFormat();
      if (n === 1) {
        const [lo, hi] = standardizeTuple(a.known('padding'), 2, 'padding', true);
        return { format, pairs: [[lo, hi]] };
      }
      return { format, pairs: nestedPairs(a.known('padding'), n, 'padding') };
    },
    call(a, inputs, _ctx, state) {
      const { format, pairs } = state as PairsState;
      const x = singleInput(layerName(a), inputs);
      checkInputSpec(layerName(a), x, { ndim: n + 2 });
      const out: RawDim[] = rawDims(x);
      const off = spatialOffset(format);
      pairs.forEach((q, i) => {
        const d = x[off + i];
        const add = q[0].value + q[1].value;
        // A negative int padding may make a '?' axis negative: Keras would then raise.
        if (d === '?' && add < 0) cannotTell(`${name}: negative padding on an axis not known statically`);
        out[off + i] = { dim: typeof d === 'number' ? d + add : d, isFloat: pairsFloat(q) };
      });
      // The output tensor is made inside the call.
      return { outputs: [duringCall(() => finishShape(out))], weights: [] };
    },
  };
}

/** UpSampling1D takes a plain positive int; 2D/3D standardize a tuple of sizes. */
function upSampling1DSize(a: Args): PyNum {
  const v = a.known('size');
  if (v.kind !== 'int' || v.numpy) raise('expectedInteger', { name: 'size', value: v });
  if (v.value <= 0) raise('argNotPositive', { name: 'size', value: v });
  return { value: v.value, isFloat: false };
}

interface UpState {
  format: Format;
  sizes: PyNum[];
}

/** UpSampling{n}D: each spatial axis is multiplied by its size. */
function upSamplingRule(n: 1 | 2 | 3): LayerRule {
  const name = `UpSampling${n}D`;
  return {
    className: name,
    signature: recordedParams(name),
    construct(a): UpState {
      if (n === 1) return { format: 'channels_last', sizes: [upSampling1DSize(a)] };
      const format = a.dataFormat();
      const sizes = standardizeTuple(a.known('size'), n, 'size');
      if (n === 2) {
        // Only lower-cased here; an unknown mode is not rejected on a symbolic call.
        const interp = a.get('interpolation');
        const opaque = interp.kind === 'unknown' || interp.kind === 'object' || interp.kind === 'layer';
        if (!opaque && interp.kind !== 'str') raise('noAttribute', { type: pyTypeName(interp), attribute: 'lower' });
      }
      return { format, sizes };
    },
    call(a, inputs, _ctx, state) {
      const { format, sizes } = state as UpState;
      const x: Shape = singleInput(layerName(a), inputs);
      checkInputSpec(layerName(a), x, { ndim: n + 2 });
      const out: RawDim[] = rawDims(x);
      const off = spatialOffset(format);
      sizes.forEach((s, i) => {
        const d: Dim = x[off + i];
        out[off + i] = { dim: typeof d === 'number' ? d * s.value : d, isFloat: s.isFloat };
      });
      // The output tensor is made inside the call.
      return { outputs: [duringCall(() => finishShape(out))], weights: [] };
    },
  };
}

export const spatialRules: LayerRule[] = ([1, 2, 3] as const).flatMap((n) => [
  croppingRule(n),
  zeroPaddingRule(n),
  upSamplingRule(n),
]);
