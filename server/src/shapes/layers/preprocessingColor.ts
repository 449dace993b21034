/**
 * Colour, intensity and mixing image layers (`layers/preprocessing/image_preprocessing/`):
 * RandomBrightness, RandomContrast, RandomSaturation, RandomHue,
 * RandomColorDegeneration, RandomColorJitter, RandomGrayscale, RandomInvert,
 * RandomPosterization, RandomSharpness, RandomGaussianBlur, RandomErasing,
 * AutoContrast, Equalization, Solarization, CutMix, MixUp, AugMix,
 * RandAugment, MaxNumBoundingBoxes, ContrastLimitedAdaptiveHistogramEqualization.
 *
 * They return their input shape; only the constructors validate (factor
 * ranges, `value_range`, interpolation). RandomColorDegeneration alone checks
 * the input: rank 3 or 4 and 3 channels.
 */

import type { Args } from '../args';
import { raise } from '../errors';
import type { LayerRule } from '../rule';
import type { Shape } from '../shape';
import type { PyValue } from '../values';
import { comparable, itemsOf, numeric, pyIntConvert } from './normalizationHelpers';
import { imageRule } from './preprocessingImage';
import {
  checkChoice,
  INTERPOLATIONS,
  setFactor,
  setNamedFactor,
  setValueRange,
  type BaseUse,
} from './preprocessingImageChecks';

const BASE: BaseUse = { useBaseFactor: true, bounds: [-1, 1] };
const UNIT: BaseUse = { useBaseFactor: true, bounds: [0, 1] };
const NO_BASE_UNIT: BaseUse = { useBaseFactor: false, bounds: [0, 1] };

const randomBrightness = imageRule({
  className: 'RandomBrightness',
  use: { ...BASE, forwardsFactor: true },
  checks: (a) => setValueRange(a.known('value_range')),
});

const randomContrast = imageRule({
  className: 'RandomContrast',
  use: UNIT,
  checks: (a) => setFactor(a.known('factor'), [0, 1]),
});

const randomSaturation = imageRule({
  className: 'RandomSaturation',
  use: BASE,
  checks(a) {
    setFactor(a.known('factor'), [-1, 1]);
    setValueRange(a.known('value_range'));
  },
});

const randomHue = imageRule({
  className: 'RandomHue',
  use: UNIT,
  checks: (a) => setFactor(a.known('factor'), [0, 1]),
});

const randomColorDegeneration = imageRule({
  className: 'RandomColorDegeneration',
  use: BASE,
  checks(a) {
    setFactor(a.known('factor'), [-1, 1]);
    setValueRange(a.known('value_range'));
  },
  output(_a, x: Shape, fmt) {
    if (x.length !== 3 && x.length !== 4) {
      raise('imagesRankInvalid', { shape: x });
    }
    const channels = x[fmt === 'channels_last' ? x.length - 1 : x.length - 3];
    if (typeof channels === 'number' && channels !== 3) {
      raise('imagesNotRgb', { channels });
    }
    return x;
  },
});

const randomColorJitter = imageRule({
  className: 'RandomColorJitter',
  use: BASE,
  checks(a) {
    // The sub-layers it builds check their own factor (and value_range).
    if (!a.isNone('brightness_factor')) {
      const f = a.known('brightness_factor');
      setFactor(truthyOrZero(f), [-1, 1]);
      setValueRange(a.known('value_range'));
    }
    if (!a.isNone('contrast_factor')) setFactor(a.known('contrast_factor'), [0, 1]);
    if (!a.isNone('saturation_factor')) {
      setFactor(a.known('saturation_factor'), [-1, 1]);
      setValueRange(a.known('value_range'));
    }
    if (!a.isNone('hue_factor')) setFactor(a.known('hue_factor'), [0, 1]);
  },
});

/** `factor or 0.0` as the base layer reads a forwarded factor. */
function truthyOrZero(v: PyValue): PyValue {
  const n = numeric(v);
  if (n === 0) return { kind: 'float', value: 0 };
  const items = itemsOf(v);
  if (items !== null && items.length === 0) return { kind: 'float', value: 0 };
  if (v.kind === 'str' && v.value === '') return { kind: 'float', value: 0 };
  return v;
}

const randomGrayscale = imageRule({
  className: 'RandomGrayscale',
  use: BASE,
  checks(a) {
    const v = a.known('factor');
    const n = comparable(v, '<');
    if (n < 0 || n > 1) raise('grayscaleFactorOutOfRange', { value: v });
  },
});

const randomInvert = imageRule({
  className: 'RandomInvert',
  use: NO_BASE_UNIT,
  checks: (a) => setFactor(a.known('factor'), [0, 1]),
});

const randomPosterization = imageRule({
  className: 'RandomPosterization',
  use: { useBaseFactor: false, bounds: [1, 8] },
  checks(a) {
    setFactor(a.known('factor'), [1, 8]);
    setValueRange(a.known('value_range'));
  },
});

const randomSharpness = imageRule({
  className: 'RandomSharpness',
  use: NO_BASE_UNIT,
  checks(a) {
    setFactor(a.known('factor'), [0, 1]);
    setValueRange(a.known('value_range'));
  },
});

const randomGaussianBlur = imageRule({
  className: 'RandomGaussianBlur',
  use: NO_BASE_UNIT,
  checks(a) {
    setFactor(a.known('factor'), [0, 1]);
    checkKernelSize(a.known('kernel_size'));
    setFactor(a.known('sigma'), [0, 1], 'sigma');
  },
});

/** RandomGaussianBlur `_set_kernel_size`: odd numbers only. */
function checkKernelSize(v: PyValue): void {
  const odd = () => raise('kernelSizeNotOdd', { value: v });
  const items = itemsOf(v);
  const even = (x: PyValue): boolean => {
    const n = comparable(x, '%');
    return ((n % 2) + 2) % 2 === 0;
  };
  if (items !== null) {
    if (items.length !== 2) {
      raise('kernelSizeNotPair', { value: v });
    }
    if (even(items[0]) || even(items[1])) odd();
    return;
  }
  if (v.kind !== 'int' && v.kind !== 'float' && v.kind !== 'bool') odd();
  if (even(v)) odd();
}

const randomErasing = imageRule({
  className: 'RandomErasing',
  use: NO_BASE_UNIT,
  checks(a) {
    setFactor(a.known('factor'), [0, 1]);
    setFactor(a.known('scale'), [0, 1], 'scale');
  },
});

const autoContrast = imageRule({
  className: 'AutoContrast',
  use: { useBaseFactor: false, bounds: [-1, 1] },
  checks: (a) => setValueRange(a.known('value_range')),
});

const equalization = imageRule({
  className: 'Equalization',
  use: BASE,
  checks: (a) => setValueRange(a.known('value_range'), 'Equalization'),
});

function checkSolarization(a: Args, addition: PyValue, threshold: PyValue): void {
  const inRange = (n: number): boolean => n <= 1 && n >= 0;
  setNamedFactor(addition, 'addition_factor', 'Solarization', inRange);
  setNamedFactor(threshold, 'threshold_factor', 'Solarization', inRange);
  setValueRange(a.known('value_range'));
}

const solarization = imageRule({
  className: 'Solarization',
  use: { useBaseFactor: false, bounds: [-1, 1] },
  checks: (a) => checkSolarization(a, a.known('addition_factor'), a.known('threshold_factor')),
});

const cutMix = imageRule({
  className: 'CutMix',
  use: NO_BASE_UNIT,
  checks: (a) => setFactor(a.known('factor'), [0, 1]),
});

const mixUp = imageRule({
  className: 'MixUp',
  use: BASE,
});

/**
 * AugMix and RandAugment validate their factor, then build sub-layers from
 * it: the interpolation (RandomShear) and value_range (Solarization) checks
 * are the ones a valid factor can still fail.
 */
function checkAugmenter(a: Args): void {
  setFactor(a.known('factor'), [0, 1]);
  checkChoice(a, 'interpolation', INTERPOLATIONS);
  setValueRange(a.known('value_range'));
}

const augMix = imageRule({
  className: 'AugMix',
  use: NO_BASE_UNIT,
  checks: checkAugmenter,
});

const randAugment = imageRule({
  className: 'RandAugment',
  use: NO_BASE_UNIT,
  checks: checkAugmenter,
});

const maxNumBoundingBoxes = imageRule({
  className: 'MaxNumBoundingBoxes',
  use: BASE,
  checks(a) {
    pyIntConvert(a.known('max_number'));
    pyIntConvert(a.known('fill_value'));
  },
});

const clahe = imageRule({
  className: 'ContrastLimitedAdaptiveHistogramEqualization',
  use: BASE,
});

export const colorRules: LayerRule[] = [
  randomBrightness,
  randomContrast,
  randomSaturation,
  randomHue,
  randomColorDegeneration,
  randomColorJitter,
  randomGrayscale,
  randomInvert,
  randomPosterization,
  randomSharpness,
  randomGaussianBlur,
  randomErasing,
  autoContrast,
  equalization,
  solarization,
  cutMix,
  mixUp,
  augMix,
  randAugment,
  maxNumBoundingBoxes,
  clahe,
];
