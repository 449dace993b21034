/**
 * Regularization layers (`keras/src/layers/regularization/`): Dropout,
 * SpatialDropout1D/2D/3D, GaussianDropout, GaussianNoise, AlphaDropout,
 * ActivityRegularization.
 *
 * All return their input's shape and own no weights (the seed generator's
 * state variable is not counted by `count_params`); what matters is what
 * their constructors reject.
 */

import type { Args } from '../args';
import { raise } from '../errors';
import { checkInputSpec, singleInput } from '../inputSpec';
import { layerName } from '../naming';
import type { CallResult, LayerRule } from '../rule';
import type { CallInputs } from '../tensors';
import { containsUnknown, pyTypeName, type PyValue } from '../values';
import { pyIterItems } from '../python/validation';
import { asNumber, numberForCompare } from './reshapingPy';
import { recordedParams } from '../signatures';

/** `if not 0 <= rate <= 1: raise ValueError(...)`; a non-number fails the comparison with TypeError. */
function checkUnitInterval(a: Args, name: string): number {
  const v = a.known(name);
  const x = numberForCompare(v, '<=', 'int', false);
  if (!(x >= 0 && x <= 1)) {
    raise('rateOutOfRange', { name, value: v });
  }
  return x;
}

/** `SeedGenerator(seed)`, made only when the layer has randomness to seed (`rate > 0`). */
function checkSeed(a: Args, amount: number): void {
  if (!(amount > 0)) return;
  const v = a.get('seed');
  // The seed never changes a shape: one the source does not tell is taken to be valid rather than losing the layer.
  if (v.kind === 'unknown' || v.kind === 'object' || v.kind === 'layer') return;
  // `isinstance(seed, int)`: a NumPy integer is refused too.
  if ((v.kind !== 'none' && v.kind !== 'int' && v.kind !== 'bool') || (v.kind === 'int' && v.numpy)) {
    raise('seedNotInteger', { value: v });
  }
}

/** `Dropout._validate_noise_shape`: None, or an iterable of positive ints and Nones. */
function checkNoiseShape(v: PyValue): void {
  if (v.kind === 'none' || v.kind === 'unknown') return;
  if (v.kind === 'str') raise('noiseShapeString', { value: v });
  const items = pyIterItems(v);
  if (items === null) raise('noiseShapeNotIterable', { value: v });
  items.forEach((d, i) => {
    if (d.kind === 'none') return;
    // Like the seed, noise_shape only matters in training: an item the source does not tell passes.
    if (d.kind === 'unknown') return;
    if ((d.kind !== 'int' && d.kind !== 'bool') || (d.kind === 'int' && d.numpy)) {
      raise('noiseShapeItemNotInteger', { index: i, item: d, type: pyTypeName(d) });
    }
    const n = (asNumber(d) as { value: number }).value;
    if (n <= 0) {
      raise('noiseShapeItemNotPositive', { index: i, item: d });
    }
  });
}

/**
 * The checks every random layer's constructor makes, in Keras's order: the
 * amount in [0, 1], then (Dropout) noise_shape, then the seed when the amount
 * is positive. An amount the source does not tell is taken as valid: it never
 * changes the shape.
 */
function checkRandomArgs(a: Args, amount: 'rate' | 'stddev', noiseShape: boolean): void {
  const known = !containsUnknown(a.get(amount));
  const x = known ? checkUnitInterval(a, amount) : 0;
  if (noiseShape) checkNoiseShape(a.get('noise_shape'));
  if (known) checkSeed(a, x);
}

/** The output of every layer here: the input, unchanged. */
function identity(a: Args, inputs: CallInputs, ndim?: number): CallResult {
  const x = singleInput(layerName(a), inputs);
  if (ndim !== undefined) checkInputSpec(layerName(a), x, { ndim });
  return { outputs: [x], weights: [] };
}

const dropout: LayerRule = {
  className: 'Dropout',
  signature: recordedParams('Dropout'),
  construct(a) {
    checkRandomArgs(a, 'rate', true);
    return undefined;
  },
  call: (a, inputs) => identity(a, inputs),
};

/**
 * SpatialDropout{n}D: its `__init__` has no `**kwargs`, so even the base
 * `Layer` keywords other than `name` and `dtype` are a `TypeError` (the
 * recorded signature says so).
 */
function spatialDropoutRule(n: 1 | 2 | 3): LayerRule {
  const name = `SpatialDropout${n}D`;
  return {
    className: name,
    signature: recordedParams(name),
    construct(a) {
      checkRandomArgs(a, 'rate', false);
      // The format does not change the output shape; only a value the source tells is checked.
      if (n > 1 && a.get('data_format').kind !== 'unknown') a.dataFormat();
      return undefined;
    },
    call: (a, inputs) => identity(a, inputs, n + 2),
  };
}

const gaussianDropout: LayerRule = {
  className: 'GaussianDropout',
  signature: recordedParams('GaussianDropout'),
  construct(a) {
    checkRandomArgs(a, 'rate', false);
    return undefined;
  },
  call: (a, inputs) => identity(a, inputs),
};

const gaussianNoise: LayerRule = {
  className: 'GaussianNoise',
  signature: recordedParams('GaussianNoise'),
  construct(a) {
    checkRandomArgs(a, 'stddev', false);
    return undefined;
  },
  call: (a, inputs) => identity(a, inputs),
};

const alphaDropout: LayerRule = {
  className: 'AlphaDropout',
  // `noise_shape` is stored unchecked; it only matters in training.
  signature: recordedParams('AlphaDropout'),
  construct(a) {
    checkRandomArgs(a, 'rate', false);
    return undefined;
  },
  call: (a, inputs) => identity(a, inputs),
};

/** `regularizers.L1L2`'s `validate_float_arg` (None means 0.0). */
function checkPenalty(a: Args, name: 'l1' | 'l2'): void {
  const v = a.get(name);
  // A penalty never changes a shape: one the source does not tell passes.
  if (v.kind === 'none' || v.kind === 'unknown' || v.kind === 'object') return;
  const n = asNumber(v);
  if (n === null || !Number.isFinite(n.value) || n.value < 0) raise('penaltyInvalid', { name, value: v });
}

const activityRegularization: LayerRule = {
  className: 'ActivityRegularization',
  signature: recordedParams('ActivityRegularization'),
  construct(a) {
    checkPenalty(a, 'l1');
    checkPenalty(a, 'l2');
    // It passes its own `activity_regularizer` to `Layer.__init__`: the user may not pass one too.
    if (a.given('activity_regularizer')) {
      raise('activityRegularizerTwice', {});
    }
    return undefined;
  },
  call: (a, inputs) => identity(a, inputs),
};

export const rules: LayerRule[] = [
  dropout,
  spatialDropoutRule(1),
  spatialDropoutRule(2),
  spatialDropoutRule(3),
  gaussianDropout,
  gaussianNoise,
  alphaDropout,
  activityRegularization,
];
