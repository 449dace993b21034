/**
 * Normalization layers (`keras/src/layers/normalization/`): BatchNormalization,
 * LayerNormalization, GroupNormalization, UnitNormalization,
 * RMSNormalization, SpectralNormalization.
 *
 * All of them return their input shape; what differs is which axes their
 * weights span and which `build` steps raise. `build` indexes the input
 * shape with the axis as Python does, so an out-of-range axis is an
 * IndexError, not a friendly message, exactly as Keras reports it.
 */

import { cannotTell, duringCall, raise } from '../errors';
import { singleInput } from '../inputSpec';
import { layerName } from '../naming';
import type { CallResult, LayerRule, Weight } from '../rule';
import type { Dim, Shape } from '../shape';
import { pyQualifiedTypeName, type PyValue } from '../values';
import { recordedParams } from '../signatures';
import {
  comparable,
  itemsOf,
  numeric,
  pyFloatConvert,
  pyIndex,
  pyIndexValue,
  pyIntConvert,
  requireDefinedWeights,
  sortedNumbers,
} from './normalizationHelpers';
import { spectralNormalization } from './normalizationSpectral';

function vec(name: string, shape: Shape, trainable = true): Weight {
  return { name, shape, trainable };
}

function identity(x: Shape, layer: string, weights: Weight[]): CallResult {
  return { outputs: [x], weights: requireDefinedWeights(layer, weights) };
}

const batchNormalization: LayerRule = {
  className: 'BatchNormalization',
  signature: recordedParams('BatchNormalization'),
  construct(a) {
    // `self.axis = int(axis)` comes before everything else.
    const axis = pyIntConvert(a.known('axis'));
    if (a.bool('synchronized')) raise('synchronizedNeedsTensorFlow', {});
    pyFloatConvert(a.known('momentum'));
    pyFloatConvert(a.known('epsilon'));
    if (a.bool('renorm')) checkRenormClipping(a.known('renorm_clipping'));
    return axis;
  },
  call(a, inputs, _ctx, state) {
    const x = singleInput(layerName(a), inputs);
    const axis = state as number;
    const shape = [pyIndex(x, axis)];
    const weights: Weight[] = [];
    if (a.bool('scale')) weights.push(vec('gamma', shape));
    if (a.bool('center')) weights.push(vec('beta', shape));
    weights.push(vec('moving_mean', shape, false), vec('moving_variance', shape, false));
    if (a.bool('renorm')) {
      weights.push(
        vec('moving_stddev', shape, false),
        vec('renorm_mean', shape, false),
        vec('renorm_stddev', shape, false),
      );
    }
    return identity(x, layerName(a), weights);
  },
};

/** BatchNormalization's `renorm_clipping` checks (only made when `renorm` is true). */
function checkRenormClipping(v: PyValue): void {
  if (v.kind === 'none') return;
  if (v.kind === 'dict' && v.entries.length === 0) return;
  if (v.kind !== 'dict') cannotTell('renorm_clipping is not a dict literal');
  const keys = ['rmax', 'rmin', 'dmax'];
  const get = (k: string): number | null => {
    const e = v.entries.find(([kk]) => kk.kind === 'str' && kk.value === k);
    if (!e || e[1].kind === 'none') return null;
    return comparable(e[1]);
  };
  if (v.entries.some(([k]) => k.kind !== 'str' || !keys.includes(k.value))) {
    if (v.entries.some(([k]) => k.kind === 'unknown')) cannotTell('renorm_clipping keys not known');
    raise('renormClippingKeysInvalid', { value: v });
  }
  const rmax = get('rmax');
  const rmin = get('rmin');
  const dmax = get('dmax');
  if (rmax !== null && rmin !== null && rmax < rmin) {
    raise('renormRmaxBelowRmin', {});
  }
  if (dmax !== null && dmax < 0) raise('renormDmaxNegative', {});
}

/** The axes as LayerNormalization/RMSNormalization `build` reads them: a sorted list, or one int. */
function buildAxes(v: PyValue): PyValue[] {
  const items = itemsOf(v);
  if (items === null) return [v];
  // `sorted(self.axis)`: only numbers are modelled; the values keep their type for indexing.
  sortedNumbers(items);
  return [...items].sort((x, y) => (numeric(x) ?? 0) - (numeric(y) ?? 0));
}

const layerNormalization: LayerRule = {
  className: 'LayerNormalization',
  signature: recordedParams('LayerNormalization'),
  construct(a) {
    const axis = a.known('axis');
    if (itemsOf(axis) === null && (axis.kind !== 'int' || axis.numpy) && axis.kind !== 'bool') {
      raise('layerNormAxisInvalid', { axis });
    }
    a.bool('rms_scaling');
    return undefined;
  },
  call(a, inputs) {
    const x = singleInput(layerName(a), inputs);
    const shape = buildAxes(a.known('axis')).map((ax) => pyIndexValue(x, ax));
    const rms = a.bool('rms_scaling');
    const weights: Weight[] = [];
    if (a.bool('scale') || rms) weights.push(vec('gamma', shape));
    if (a.bool('center') && !rms) weights.push(vec('beta', shape));
    requireDefinedWeights(layerName(a), weights);
    const axes = a.known('axis');
    duringCall(() =>
      checkAxesInBounds(axes, x, (axis) => raise('normAxisOutOfBoundsWithAxis', { axis, shape: x, axes })),
    );
    return identity(x, layerName(a), weights);
  },
};

/** The `compute_output_shape` bounds check several normalization layers share. */
function checkAxesInBounds(axis: PyValue, x: Shape, fail: (ax: PyValue) => never): void {
  const axes = itemsOf(axis) ?? [axis];
  for (const ax of axes) {
    const n = comparable(ax, '>=');
    if (n >= x.length || n < -x.length) fail(ax);
  }
}

const groupNormalization: LayerRule = {
  className: 'GroupNormalization',
  signature: recordedParams('GroupNormalization'),
  construct(a) {
    const g = a.known('groups');
    const n = g.kind === 'int' && !g.numpy ? g.value : g.kind === 'bool' ? Number(g.value) : null;
    if (n === null || (n <= 0 && n !== -1)) {
      raise('groupNormGroupsInvalid', { groups: g });
    }
    return n;
  },
  call(a, inputs, _ctx, state) {
    const x = singleInput(layerName(a), inputs);
    const axis = a.known('axis');
    const dim = pyIndexValue(x, axis);
    if (dim === null) raise('groupNormAxisUndefined', { axis, shape: x });
    let groups = state as number;
    if (typeof dim === 'number') {
      if (groups === -1) groups = dim;
      if (dim < groups) raise('groupNormTooManyGroups', { groups, channels: dim });
      if (dim % groups !== 0) raise('groupNormGroupsNotDividing', { groups, channels: dim });
    }
    // Built, the layer's `call` iterates over `axis` as a sequence when it is not a Python int.
    if (axis.kind === 'int' && axis.numpy) duringCall(() => raise('notIterable', { type: pyQualifiedTypeName(axis) }));
    const weights: Weight[] = [];
    if (a.bool('scale')) weights.push(vec('gamma', [dim]));
    if (a.bool('center')) weights.push(vec('beta', [dim]));
    return identity(x, layerName(a), weights);
  },
};

const unitNormalization: LayerRule = {
  className: 'UnitNormalization',
  signature: recordedParams('UnitNormalization'),
  construct(a) {
    const axis = a.known('axis');
    if (itemsOf(axis) === null && (axis.kind !== 'int' || axis.numpy) && axis.kind !== 'bool') {
      raise('unitNormAxisInvalid', { axis });
    }
    return undefined;
  },
  call(a, inputs) {
    const x = singleInput(layerName(a), inputs);
    const axis = a.known('axis');
    // `compute_output_shape`, inside the call.
    duringCall(() => checkAxesInBounds(axis, x, () => raise('normAxisOutOfBounds', { axis, shape: x })));
    return { outputs: [x], weights: [] };
  },
};

const rmsNormalization: LayerRule = {
  className: 'RMSNormalization',
  signature: recordedParams('RMSNormalization'),
  call(a, inputs) {
    const x = singleInput(layerName(a), inputs);
    const axis = a.known('axis');
    const shape: Dim[] = buildAxes(axis).map((ax) => pyIndexValue(x, ax));
    const weights = requireDefinedWeights(layerName(a), [vec('scale', shape)]);
    duringCall(() =>
      checkAxesInBounds(axis, x, (ax) => raise('normAxisOutOfBoundsWithAxis', { axis: ax, shape: x, axes: axis })),
    );
    return { outputs: [x], weights };
  },
};

export const rules: LayerRule[] = [
  batchNormalization,
  layerNormalization,
  groupNormalization,
  unitNormalization,
  rmsNormalization,
  spectralNormalization,
];
