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

import { p } from '../args';
import { cannotTell, raise } from '../errors';
import { singleInput } from '../inputSpec';
import type { CallResult, LayerRule, Weight } from '../rule';
import { formatShape, type Dim, type Shape } from '../shape';
import { pyRepr, type PyValue } from '../values';
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

const GAMMA_BETA_ARGS = [
  p('beta_initializer', 'zeros'),
  p('gamma_initializer', 'ones'),
  p('beta_regularizer', null),
  p('gamma_regularizer', null),
  p('beta_constraint', null),
  p('gamma_constraint', null),
];

function vec(name: string, shape: Shape, trainable = true): Weight {
  return { name, shape, trainable };
}

function identity(x: Shape, className: string, weights: Weight[]): CallResult {
  return { outputs: [x], weights: requireDefinedWeights(className, weights) };
}

const batchNormalization: LayerRule = {
  className: 'BatchNormalization',
  signature: [
    p('axis', -1),
    p('momentum', 0.99),
    p('epsilon', 1e-3),
    p('center', true),
    p('scale', true),
    p('beta_initializer', 'zeros'),
    p('gamma_initializer', 'ones'),
    p('moving_mean_initializer', 'zeros'),
    p('moving_variance_initializer', 'ones'),
    p('beta_regularizer', null),
    p('gamma_regularizer', null),
    p('beta_constraint', null),
    p('gamma_constraint', null),
    p('renorm', false),
    p('renorm_clipping', null),
    p('renorm_momentum', 0.99),
    p('synchronized', false),
  ],
  construct(a) {
    // `self.axis = int(axis)` comes before everything else.
    const axis = pyIntConvert(a.known('axis'));
    if (a.bool('synchronized')) raise('Argument synchronized=True is only supported with the TensorFlow backend.');
    pyFloatConvert(a.known('momentum'));
    pyFloatConvert(a.known('epsilon'));
    if (a.bool('renorm')) checkRenormClipping(a.known('renorm_clipping'));
    return axis;
  },
  call(a, inputs, _ctx, state) {
    const x = singleInput('BatchNormalization', inputs);
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
    return identity(x, 'BatchNormalization', weights);
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
    raise(
      `Received invalid keys for \`renorm_clipping\` argument: ${pyRepr(v)}. Supported values: ['rmax', 'rmin', 'dmax'].`,
    );
  }
  const rmax = get('rmax');
  const rmin = get('rmin');
  const dmax = get('dmax');
  if (rmax !== null && rmin !== null && rmax < rmin) {
    raise('rmax should be greater than rmin in the `renorm_clipping` argument. Received: rmax={rmax}, rmin={rmin}.');
  }
  if (dmax !== null && dmax < 0) raise('dmax should be non-negative in the `renorm_clipping` ');
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
  signature: [p('axis', -1), p('epsilon', 1e-3), p('center', true), p('scale', true), ...GAMMA_BETA_ARGS],
  // Keras 3.15 pops the deprecated `rms_scaling` from **kwargs.
  extraKwargs: ['rms_scaling'],
  construct(a) {
    const axis = a.known('axis');
    if (itemsOf(axis) === null && axis.kind !== 'int' && axis.kind !== 'bool') {
      raise(
        `Expected an int or a list/tuple of ints for the argument 'axis', but received: ${pyRepr(axis)}`,
        'TypeError',
      );
    }
    a.bool('rms_scaling');
    return undefined;
  },
  call(a, inputs) {
    const x = singleInput('LayerNormalization', inputs);
    const shape = buildAxes(a.known('axis')).map((ax) => pyIndexValue(x, ax));
    const rms = a.bool('rms_scaling');
    const weights: Weight[] = [];
    if (a.bool('scale') || rms) weights.push(vec('gamma', shape));
    if (a.bool('center') && !rms) weights.push(vec('beta', shape));
    requireDefinedWeights('LayerNormalization', weights);
    checkAxesInBounds(
      a.known('axis'),
      x,
      (ax) =>
        `Axis ${ax} is out of bounds for input shape ${formatShape(x)}. Received: axis=${pyRepr(a.known('axis'))}`,
    );
    return identity(x, 'LayerNormalization', weights);
  },
};

/** The `compute_output_shape` bounds check several normalization layers share. */
function checkAxesInBounds(axis: PyValue, x: Shape, message: (ax: string) => string): void {
  const axes = itemsOf(axis) ?? [axis];
  for (const ax of axes) {
    const n = comparable(ax, '>=');
    if (n >= x.length || n < -x.length) raise(message(pyRepr(ax)));
  }
}

const groupNormalization: LayerRule = {
  className: 'GroupNormalization',
  signature: [
    p('groups', 32),
    p('axis', -1),
    p('epsilon', 1e-3),
    p('center', true),
    p('scale', true),
    ...GAMMA_BETA_ARGS,
  ],
  construct(a) {
    const g = a.known('groups');
    const n = g.kind === 'int' ? g.value : g.kind === 'bool' ? Number(g.value) : null;
    if (n === null || (n <= 0 && n !== -1)) {
      raise(
        'Received an invalid value for argument `groups`, expected a positive integer (or `-1` for instance normalization). ' +
          `Received: groups=${pyRepr(g)}`,
      );
    }
    return n;
  },
  call(a, inputs, _ctx, state) {
    const x = singleInput('GroupNormalization', inputs);
    const axis = a.known('axis');
    const dim = pyIndexValue(x, axis);
    if (dim === null) {
      raise(
        `Axis ${pyRepr(axis)} of input tensor should have a defined dimension but the layer received an input with shape ${formatShape(x)}.`,
      );
    }
    let groups = state as number;
    if (typeof dim === 'number') {
      if (groups === -1) groups = dim;
      if (dim < groups) raise(`Number of groups (${groups}) cannot be more than the number of channels (${dim}).`);
      if (dim % groups !== 0)
        raise(`Number of groups (${groups}) must be a multiple of the number of channels (${dim}).`);
    }
    const weights: Weight[] = [];
    if (a.bool('scale')) weights.push(vec('gamma', [dim]));
    if (a.bool('center')) weights.push(vec('beta', [dim]));
    return identity(x, 'GroupNormalization', weights);
  },
};

const unitNormalization: LayerRule = {
  className: 'UnitNormalization',
  signature: [p('axis', -1)],
  construct(a) {
    const axis = a.known('axis');
    if (itemsOf(axis) === null && axis.kind !== 'int' && axis.kind !== 'bool') {
      raise(
        `Invalid value for \`axis\` argument: expected an int or a list/tuple of ints. Received: axis=${pyRepr(axis)}`,
        'TypeError',
      );
    }
    return undefined;
  },
  call(a, inputs) {
    const x = singleInput('UnitNormalization', inputs);
    const axis = a.known('axis');
    checkAxesInBounds(axis, x, () => `Axis ${pyRepr(axis)} is out of bounds for input shape ${formatShape(x)}.`);
    return { outputs: [x], weights: [] };
  },
};

const rmsNormalization: LayerRule = {
  className: 'RMSNormalization',
  signature: [p('axis', -1), p('epsilon', 1e-6)],
  call(a, inputs) {
    const x = singleInput('RMSNormalization', inputs);
    const axis = a.known('axis');
    const shape: Dim[] = buildAxes(axis).map((ax) => pyIndexValue(x, ax));
    const weights = requireDefinedWeights('RMSNormalization', [vec('scale', shape)]);
    checkAxesInBounds(
      axis,
      x,
      (ax) => `Axis ${ax} is out of bounds for input shape ${formatShape(x)}. Received: axis=${pyRepr(axis)}`,
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
