/**
 * Numerical and categorical preprocessing layers (`layers/preprocessing/`):
 * CategoryEncoding, Normalization, Discretization, Hashing, HashedCrossing.
 *
 * Hashing and HashedCrossing need TensorFlow in Keras 3.15 (their
 * constructors raise ImportError without it); the rules model them as they
 * behave where TensorFlow is installed, from their source.
 */

import type { Args } from '../args';
import { cannotTell, raise } from '../errors';
import { singleInput } from '../inputSpec';
import { layerName } from '../naming';
import type { LayerRule, Weight } from '../rule';
import type { Dim, Shape } from '../shape';
import { flattenTensors } from '../tensors';
import { pyQualifiedTypeName, type PyValue } from '../values';
import { recordedParams } from '../signatures';
import { comparable, itemsOf, numeric } from './normalizationHelpers';
import { toShape } from './preprocessingImage';

/** Python's `isinstance(v, str) and v in allowed` check with `validate_string_arg`'s message. */
function validateStringArg(a: Args, name: string, allowed: string[], caller: string): string {
  const v = a.known(name);
  if (v.kind === 'str' && allowed.includes(v.value)) return v.value;
  raise('stringArgInvalid', { name, caller, allowed, value: v });
}

const categoryEncoding: LayerRule = {
  className: 'CategoryEncoding',
  signature: recordedParams('CategoryEncoding'),
  construct(a) {
    const modeV = a.known('output_mode');
    const mode =
      modeV.kind === 'str' && modeV.value === 'binary' ? 'multi_hot' : modeV.kind === 'str' ? modeV.value : null;
    if (mode === null || !['count', 'one_hot', 'multi_hot'].includes(mode))
      raise('outputModeUnknown', { value: modeV });
    const n = a.known('num_tokens');
    if (n.kind === 'none') raise('numTokensMissing', {});
    if (comparable(n) < 1) raise('numTokensTooSmall', { value: n });
    return mode;
  },
  call(a, inputs, _ctx, state) {
    const x = singleInput(layerName(a), inputs);
    const n = a.known('num_tokens');
    if (x.length === 0) return { outputs: [toShape([n])], weights: [] };
    const last = x[x.length - 1];
    // one_hot adds an axis unless the last one is a size-1 axis it can replace.
    const keep = state === 'one_hot' && (last !== 1 || x.length === 1);
    if (state === 'one_hot' && last === '?' && x.length > 1) cannotTell('one_hot: last input dimension not known');
    return { outputs: [toShape([...(keep ? x : x.slice(0, -1)), n])], weights: [] };
  },
};

/** Normalization's `axis`: None is `()`, an int `(axis,)`, anything else `tuple(axis)`. */
function normalizationAxes(v: PyValue): PyValue[] {
  if (v.kind === 'none') return [];
  if ((v.kind === 'int' && !v.numpy) || v.kind === 'bool') return [v];
  if (v.kind === 'int') raise('notIterable', { type: pyQualifiedTypeName(v) });
  const items = itemsOf(v);
  if (items !== null) return items;
  if (v.kind === 'str') return [...v.value].map((c) => ({ kind: 'str', value: c }) as PyValue);
  if (v.kind === 'float') raise('notIterable', { type: 'float' });
  cannotTell('axis is not a literal');
}

/** `np.shape` of a nested list of numbers (null where numpy would not give a plain numeric array). */
function npShape(v: PyValue): number[] | null {
  if (numeric(v) !== null) return [];
  const items = itemsOf(v);
  if (items === null) return null;
  if (items.length === 0) return [0];
  const inner = items.map(npShape);
  if (inner.some((s) => s === null)) return null;
  const first = JSON.stringify(inner[0]);
  if (inner.some((s) => JSON.stringify(s) !== first)) return null;
  return [items.length, ...(inner[0] as number[])];
}

const normalization: LayerRule = {
  className: 'Normalization',
  signature: recordedParams('Normalization'),
  construct(a) {
    const axisV = a.known('axis');
    const axis = normalizationAxes(axisV);
    const mean = a.known('mean');
    const variance = a.known('variance');
    if ((mean.kind !== 'none') !== (variance.kind !== 'none')) {
      raise('meanVarianceBoth', { mean, variance });
    }
    let meanShape: number[] | null = null;
    if (mean.kind !== 'none') {
      meanShape = npShape(mean);
      const varShape = npShape(variance);
      if (meanShape === null || varShape === null) cannotTell('mean/variance are not plain numbers');
      if (JSON.stringify(meanShape) !== JSON.stringify(varShape)) {
        raise('meanVarianceShapes', { mean: meanShape, variance: varShape });
      }
      if (meanShape.length > axis.length) raise('meanRankTooHigh', { mean: meanShape, axes: axis });
    }
    return { axisValues: axis, meanShape };
  },
  call(_a, inputs, _ctx, state) {
    const x = singleInput(layerName(_a), inputs);
    const { axisValues, meanShape } = state as { axisValues: PyValue[]; meanShape: number[] | null };
    const axis = axisValues.map((v) => comparable(v, '<'));
    const ndim = x.length;
    const axes = axis.map((value): PyValue => ({ kind: 'int', value }));
    if (axis.some((d) => d < -ndim || d >= ndim)) raise('normalizationAxisOutOfRange', { ndim, axes });
    const keep = axis.map((d) => (d < 0 ? d + ndim : d)).sort((m, n) => m - n);
    for (const d of keep) {
      if (x[d] === null) raise('normalizationAxisUnknown', { axes, shape: x, index: d });
    }
    const broadcast: Dim[] = x.map((dim, d) => (keep.includes(d) ? dim : 1));
    const statShape: Dim[] = keep.map((d) => x[d]);
    if (meanShape === null) {
      reshapeCheck(statShape, broadcast);
      const weights: Weight[] = [
        { name: 'mean', shape: statShape, trainable: false },
        { name: 'variance', shape: statShape, trainable: false },
        { name: 'count', shape: [], trainable: false },
      ];
      return { outputs: [x], weights };
    }
    if (meanShape.length > 0) broadcastMean(meanShape, keep, broadcast);
    return { outputs: [x], weights: [] };
  },
};

/** `finalize_state` reshapes the statistics to the broadcast shape: repeated axes make the sizes differ. */
function reshapeCheck(from: Dim[], to: Dim[]): void {
  const size = (s: Dim[]): number | null =>
    s.every((d) => typeof d === 'number') ? (s as number[]).reduce((m, n) => m * n, 1) : null;
  const f = size(from);
  const t = size(to);
  if (f !== null && t !== null && f !== t) {
    raise('cannotReshapeArray', { from, fromSize: f, to, toSize: t });
  }
}

/** Normalization `build` with a given mean: reshape onto the kept axes, then broadcast to the input. */
function broadcastMean(meanShape: number[], keep: number[], broadcast: Dim[]): void {
  const expanded: Dim[] = broadcast.map(() => 1);
  for (let i = 1; i <= meanShape.length; i++) expanded[keep[keep.length - i]] = meanShape[meanShape.length - i];
  reshapeCheck(meanShape, expanded);
  const bad = expanded.some((e, d) => e !== 1 && typeof broadcast[d] === 'number' && e !== broadcast[d]);
  if (bad) {
    raise('cannotBroadcastTypes', { input: expanded, requested: broadcast });
  }
}

const discretization: LayerRule = {
  className: 'Discretization',
  signature: recordedParams('Discretization'),
  construct(a) {
    const mode = a.known('output_mode');
    if (a.bool('sparse') && mode.kind === 'str' && mode.value === 'int') {
      raise('sparseNeedsCountingMode', { sparse: a.known('sparse') });
    }
    validateStringArg(a, 'output_mode', ['int', 'one_hot', 'multi_hot', 'count'], 'Discretization');
    const nb = a.known('num_bins');
    const bb = a.known('bin_boundaries');
    if (nb.kind !== 'none' && comparable(nb) < 0) raise('numBinsNegative', { value: nb });
    if (nb.kind !== 'none' && bb.kind !== 'none') {
      raise('numBinsAndBoundaries', { numBins: nb, boundaries: bb });
    }
    if (nb.kind === 'none' && bb.kind === 'none') raise('numBinsOrBoundariesMissing', {});
    return undefined;
  },
  call(a, inputs) {
    const x = singleInput(layerName(a), inputs);
    const mode = a.str('output_mode');
    if (mode === 'int') return { outputs: [x], weights: [] };
    const bb = a.known('bin_boundaries');
    let depth: PyValue;
    if (bb.kind === 'none') depth = a.known('num_bins');
    else {
      const items = itemsOf(bb);
      if (items === null) cannotTell('bin_boundaries is not a list literal');
      depth = { kind: 'int', value: items.length + 1 };
    }
    if (mode === 'one_hot') {
      const replaceLast = x.length > 1 && x[x.length - 1] === 1;
      if (x.length > 1 && x[x.length - 1] === '?') cannotTell('one_hot: last input dimension not known');
      return { outputs: [toShape([...(replaceLast ? x.slice(0, -1) : x), depth])], weights: [] };
    }
    const out = x.length >= 2 ? [x[0], ...x.slice(2), depth] : [depth];
    return { outputs: [toShape(out)], weights: [] };
  },
};

const HASHING_MODES = ['int', 'one_hot', 'multi_hot', 'count'];
const hashing: LayerRule = {
  className: 'Hashing',
  signature: recordedParams('Hashing'),
  construct(a) {
    const mode = a.known('output_mode');
    const isInt = mode.kind === 'str' && mode.value === 'int';
    const nb = a.known('num_bins');
    if (nb.kind === 'none' || comparable(nb, '<=') <= 0) {
      raise('hashingNumBinsInvalid', { value: nb });
    }
    const dtype = a.get('dtype');
    if (isInt && dtype.kind !== 'none') {
      if (dtype.kind !== 'str') cannotTell('dtype is an object');
      if (dtype.value !== 'int32' && dtype.value !== 'int64') {
        raise('hashingIntDtype', { dtype: dtype.value });
      }
    }
    if (mode.kind !== 'str' || !HASHING_MODES.includes(mode.value)) {
      raise('hashingOutputModeInvalid', { value: mode });
    }
    if (a.bool('sparse') && isInt) {
      raise('hashingSparseNeedsCountingMode', { sparse: a.known('sparse') });
    }
    const salt = a.known('salt');
    const saltItems = itemsOf(salt);
    const saltOk =
      salt.kind === 'none' ||
      salt.kind === 'int' ||
      salt.kind === 'bool' ||
      (saltItems !== null && saltItems.length === 2);
    if (!saltOk) {
      raise('hashingSaltInvalid', { value: salt });
    }
    return mode.value;
  },
  call(a, inputs, _ctx, state) {
    const x = singleInput(layerName(a), inputs);
    if (state === 'int') return { outputs: [x], weights: [] };
    return { outputs: [toShape([...x.slice(0, -1), a.known('num_bins')])], weights: [] };
  },
};

const hashedCrossing: LayerRule = {
  className: 'HashedCrossing',
  signature: recordedParams('HashedCrossing'),
  construct(a) {
    if (a.bool('sparse')) raise('sparseNeedsTensorFlow', {});
    return validateStringArg(a, 'output_mode', ['int', 'one_hot'], 'HashedCrossing');
  },
  call(a, inputs, _ctx, state) {
    const first = inputs.args[0] ?? inputs.kwargs['inputs'];
    const shapes: Shape[] = first?.kind === 'list' ? flattenTensors(first) : [];
    if (first?.kind !== 'list' || shapes.length !== 2 || first.items.some((i) => i.kind !== 'tensor'))
      raise('hashedCrossingNeedsTwo', { shapes, lone: first?.kind === 'tensor' ? first.shape : null });
    const [s0, s1] = shapes;
    if (s0.length === 0 || s1.length === 0) raise('indexOutOfRange', { seq: 'tuple' });
    const l0 = s0[s0.length - 1];
    const l1 = s1[s1.length - 1];
    if (l0 === '?' || l1 === '?') cannotTell('last dimensions not known');
    if (l0 !== l1) raise('hashedCrossingShapesDiffer', { shapes });
    if (state === 'int') return { outputs: [s0], weights: [] };
    const n = a.known('num_bins');
    return { outputs: [toShape([...(l0 !== 1 ? s0 : s0.slice(0, -1)), n])], weights: [] };
  },
};

export const dataRules: LayerRule[] = [categoryEncoding, normalization, discretization, hashing, hashedCrossing];
