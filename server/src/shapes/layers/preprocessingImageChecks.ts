/**
 * The constructor checks Keras's image preprocessing layers share
 * (`image_preprocessing/base_image_preprocessing_layer.py` and the layers'
 * own `_set_factor`, `_set_value_range`, ... helpers), written once and
 * parameterised by the bounds and wording each class uses.
 */

import { truthy, type Args } from '../args';
import { cannotTell, raise } from '../errors';
import { NONE, type PyValue } from '../values';
import type { NamedFactorLayer } from '../messages/preprocessing';
import { standardizeDataFormat } from '../python/validation';
import { comparable, itemsOf, numeric } from './normalizationHelpers';

export type Bounds = [number, number];

/** A `bool`/`int`/`float` value (Python's `isinstance(x, (int, float))`). */
function isNumber(v: PyValue): boolean {
  return v.kind === 'int' || v.kind === 'float' || v.kind === 'bool';
}

function guardKnown(v: PyValue): void {
  if (v.kind === 'unknown' || v.kind === 'object') cannotTell('factor not known statically');
  for (const x of itemsOf(v) ?? []) if (x.kind === 'unknown') cannotTell('factor not known statically');
}

/**
 * `BaseImagePreprocessingLayer._set_factor` (and the `_set_factor_by_name`
 * copies): a number within the bounds, or a pair whose first item is not
 * above the upper bound and whose second is not below the lower one.
 */
export function setFactor(v: PyValue, bounds: Bounds, name = 'factor'): void {
  guardKnown(v);
  const fail = () => raise('factorOutOfRange', { name, low: bounds[0], high: bounds[1], value: v });
  const items = itemsOf(v);
  if (items !== null) {
    if (items.length !== 2) fail();
    if (comparable(items[0], '>') > bounds[1] || comparable(items[1], '<') < bounds[0]) fail();
    return;
  }
  if (!isNumber(v)) fail();
  const n = numeric(v) as number;
  if (n < bounds[0] || n > bounds[1]) fail();
}

/**
 * The `_set_factor(factor, name)` variant of RandomTranslation, RandomZoom,
 * RandomShear and Solarization: every number (each item of a pair) is
 * range-checked by `inRange`, with the class's message prefix.
 */
export function setNamedFactor(
  v: PyValue,
  name: string,
  layer: NamedFactorLayer,
  inRange: (n: number) => boolean,
): void {
  guardKnown(v);
  const check = (x: PyValue): void => {
    const n = comparable(x, '>', 'float');
    if (!inRange(n)) raise('namedFactorOutOfRange', { layer, name, value: x, item: true });
  };
  const items = itemsOf(v);
  if (items !== null) {
    if (items.length !== 2) raise('namedFactorOutOfRange', { layer, name, value: v, item: false });
    check(items[0]);
    check(items[1]);
    return;
  }
  if (!isNumber(v)) raise('namedFactorOutOfRange', { layer, name, value: v, item: false });
  check(v);
}

/** `_set_value_range`: a list/tuple of exactly two items. */
export function setValueRange(v: PyValue, missingAttribute?: string): void {
  if (v.kind === 'unknown' || v.kind === 'object') cannotTell('value_range not known statically');
  const items = itemsOf(v);
  if (items !== null && items.length === 2) return;
  // Equalization calls the helper without defining its message: Python fails on the attribute.
  if (missingAttribute) raise('valueRangeMessageMissing', { className: missingAttribute });
  raise('valueRangeInvalid', { value: v });
}

/** `interpolation not in (...)` / `fill_mode not in {...}`: NotImplementedError. `set`: the choices are a set. */
export function checkChoice(a: Args, name: string, allowed: string[], set = false): void {
  const v = a.known(name);
  if (v.kind === 'str' && allowed.includes(v.value)) return;
  raise('choiceNotImplemented', { name, value: v, allowed, set });
}

export const INTERPOLATIONS = ['nearest', 'bilinear'];
export const FILL_MODES = ['reflect', 'wrap', 'constant', 'nearest'];

/** How a class treats the base layer's `factor` and `data_format` arguments. */
export interface BaseUse {
  /** `_USE_BASE_FACTOR` (True unless the class sets it False). */
  useBaseFactor: boolean;
  /** `_FACTOR_BOUNDS` of the class. */
  bounds: Bounds;
  /** The class passes its own `factor` argument up to the base (RandomRotation, RandomBrightness). */
  forwardsFactor?: boolean;
  /** The class has its own `factor` parameter (kept from the base unless forwarded). */
  ownsFactor?: boolean;
}

/**
 * `BaseImagePreprocessingLayer.__init__`: standardizes `data_format`, then
 * either validates `factor or 0.0` or refuses a factor the class does not take.
 */
export function baseImageInit(a: Args, className: string, use: BaseUse): 'channels_last' | 'channels_first' {
  const fmt = standardizeDataFormat(a.get('data_format'), a.options.imageDataFormat);
  const factor = use.ownsFactor && !use.forwardsFactor ? NONE : a.get('factor');
  if (use.useBaseFactor) {
    // `factor = factor or 0.0`
    const f: PyValue = truthy(factor) ? factor : { kind: 'float', value: 0 };
    setFactor(f, use.bounds);
  } else if (factor.kind !== 'none') {
    if (factor.kind === 'unknown') cannotTell('factor not known statically');
    raise('factorNotTaken', { className, value: factor });
  }
  return fmt;
}

/**
 * `SeedGenerator(seed)`, which the random layers make in `__init__`: None or `isinstance(seed, int)` (a bool
 * is one, a NumPy integer is not). A seed the source does not tell never changes a shape: it passes.
 */
export function checkSeedGeneratorSeed(v: PyValue): void {
  if (v.kind === 'unknown' || v.kind === 'object' || v.kind === 'layer' || v.kind === 'none') return;
  if (v.kind === 'bool' || (v.kind === 'int' && !v.numpy)) return;
  raise('seedNotInteger', { value: v });
}
