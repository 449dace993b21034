/**
 * Geometric image preprocessing layers (`layers/preprocessing/image_preprocessing/`):
 * Resizing, CenterCrop, RandomCrop, RandomFlip, RandomRotation, RandomZoom,
 * RandomTranslation, RandomShear, RandomPerspective, RandomElasticTransform.
 *
 * On a symbolic input Keras only runs `compute_output_shape` (no tracing of
 * `call`), so most of these accept any rank and return it unchanged. The
 * resizing ones write height/width into the shape list by index: a rank-3
 * input is one unbatched image (its first number is a height), rank 4 a
 * batch, and other ranks get whatever Python's indexing gives (or an
 * IndexError), exactly as Keras does.
 */

import type { Args } from '../args';
import { duringCall, raise } from '../errors';
import { singleInput } from '../inputSpec';
import { shapeTuple } from '../messages/base';
import { layerName } from '../naming';
import type { LayerRule } from '../rule';
import type { Dim, Shape } from '../shape';
import type { PyValue } from '../values';
import { recordedParams } from '../signatures';
import {
  baseImageInit,
  checkChoice,
  checkSeedGeneratorSeed,
  FILL_MODES,
  INTERPOLATIONS,
  setFactor,
  setNamedFactor,
  type BaseUse,
} from './preprocessingImageChecks';

type Fmt = 'channels_last' | 'channels_first';

export interface ImageSpec {
  className: string;
  use: BaseUse;
  /** The class's own `__init__` checks, after the base's. */
  checks?(a: Args, fmt: Fmt): void;
  /** `compute_output_shape`; identity when absent. */
  output?(a: Args, x: Shape, fmt: Fmt): Shape;
}

/** A rule for a `BaseImagePreprocessingLayer` subclass. */
export function imageRule(spec: ImageSpec): LayerRule {
  const signature = recordedParams(spec.className);
  const own = new Set(signature.map((q) => q.name));
  return {
    className: spec.className,
    signature,
    construct(a) {
      const fmt = baseImageInit(a, spec.className, { ...spec.use, ownsFactor: own.has('factor') });
      spec.checks?.(a, fmt);
      return fmt;
    },
    call(a, inputs, _ctx, state) {
      const x = singleInput(layerName(a), inputs);
      // `compute_output_shape` runs inside the call.
      const out = spec.output ? duringCall(() => spec.output!(a, x, state as Fmt)) : x;
      return { outputs: [out], weights: [] };
    },
  };
}

/** One entry of a shape list under construction: a dimension, or an argument value Keras put there. */
type Slot = Dim | PyValue;

/** `input_shape[i] = value` on a Python list (IndexError when out of range). */
function assign(shape: Slot[], i: number, value: Slot): void {
  const j = i < 0 ? i + shape.length : i;
  if (j < 0 || j >= shape.length) raise('listAssignmentIndexOutOfRange', {});
  shape[j] = value;
}

/**
 * `standardize_shape` on what `compute_output_shape` returned: the
 * KerasTensor accepts ints >= 0 and None, and refuses floats, strings and
 * negative sizes. `Layer.compute_output_spec` takes the shape as one tensor's
 * only when its first item is a Python int or None; else it reads every item
 * as a shape of its own, and the first (a NumPy integer) is not one.
 */
export function toShape(slots: Slot[]): Shape {
  const shape = () => shapeTuple(slots as Array<Dim | PyValue>);
  const first = slots[0];
  // The output tensor is made inside the call.
  return duringCall(() => {
    if (first !== null && typeof first === 'object' && first.kind === 'int' && first.numpy)
      raise('shapeNotConvertible', { shape: first });
    return slots.map((d) => {
      if (d === null || typeof d !== 'object') return d as Dim;
      if (d.kind === 'none') return null;
      if (d.kind === 'unknown' || d.kind === 'object') return '?';
      if (d.kind === 'int' || d.kind === 'bool') {
        const n = Number(d.value);
        if (n < 0) raise('shapeNegativeDimension', { shape: shape() });
        return n;
      }
      raise('shapeInvalidDimension', { shape: shape(), dim: d });
    });
  });
}

/** Resizing/CenterCrop `compute_output_shape`: rank 4 is a batch, anything else is read as one image. */
function resizeShape(x: Shape, fmt: Fmt, h: PyValue, w: PyValue): Shape {
  const out: Slot[] = [...x];
  const base = x.length === 4 ? 1 : 0;
  const first = fmt === 'channels_last' ? base : base + 1;
  assign(out, first, h);
  assign(out, first + 1, w);
  return toShape(out);
}

const IMG: BaseUse = { useBaseFactor: false, bounds: [-1, 1] };

const resizing = imageRule({
  className: 'Resizing',
  use: IMG,
  checks(a) {
    a.bool('antialias');
  },
  output: (a, x, fmt) => resizeShape(x, fmt, a.get('height'), a.get('width')),
});

const centerCrop = imageRule({
  className: 'CenterCrop',
  use: IMG,
  output(a, x, fmt) {
    if (x.length !== 3 && x.length !== 4) {
      raise('imageRankInvalidForCrop', {});
    }
    return resizeShape(x, fmt, a.get('height'), a.get('width'));
  },
});

const randomCrop = imageRule({
  className: 'RandomCrop',
  // RandomCrop keeps the base's `_USE_BASE_FACTOR = True`: a `factor` keyword is range-checked, not refused.
  use: { useBaseFactor: true, bounds: [-1, 1] },
  checks(a) {
    checkSeedGeneratorSeed(a.get('seed'));
  },
  output(a, x, fmt) {
    // Negative axes: the same code serves one image and a batch.
    const out: Slot[] = [...x];
    assign(out, fmt === 'channels_first' ? -2 : -3, a.get('height'));
    assign(out, fmt === 'channels_first' ? -1 : -2, a.get('width'));
    return toShape(out);
  },
});

const randomFlip = imageRule({
  className: 'RandomFlip',
  use: IMG,
  checks(a) {
    checkSeedGeneratorSeed(a.get('seed'));
  },
});

const randomRotation = imageRule({
  className: 'RandomRotation',
  use: { useBaseFactor: true, bounds: [-1, 1], forwardsFactor: true },
  checks(a) {
    checkSeedGeneratorSeed(a.get('seed'));
    checkChoice(a, 'fill_mode', FILL_MODES);
    checkChoice(a, 'interpolation', INTERPOLATIONS);
  },
});

const randomTranslation = imageRule({
  className: 'RandomTranslation',
  use: IMG,
  checks(a) {
    const inRange = (n: number): boolean => n <= 1 && n >= -1;
    setNamedFactor(a.known('height_factor'), 'height_factor', 'RandomTranslation', inRange);
    setNamedFactor(a.known('width_factor'), 'width_factor', 'RandomTranslation', inRange);
    checkChoice(a, 'fill_mode', FILL_MODES);
    checkChoice(a, 'interpolation', INTERPOLATIONS);
  },
});

const randomZoom = imageRule({
  className: 'RandomZoom',
  use: IMG,
  checks(a) {
    const inRange = (n: number): boolean => n <= 1 && n > -1;
    setNamedFactor(a.known('height_factor'), 'height_factor', 'RandomZoom', inRange);
    if (!a.isNone('width_factor')) setNamedFactor(a.known('width_factor'), 'width_factor', 'RandomZoom', inRange);
    checkChoice(a, 'fill_mode', FILL_MODES);
    checkChoice(a, 'interpolation', INTERPOLATIONS);
  },
});

const randomShear = imageRule({
  className: 'RandomShear',
  use: { useBaseFactor: false, bounds: [0, 1] },
  checks(a) {
    const inRange = (n: number): boolean => n <= 1 && n >= 0;
    setNamedFactor(a.known('x_factor'), 'x_factor', 'RandomShear', inRange);
    setNamedFactor(a.known('y_factor'), 'y_factor', 'RandomShear', inRange);
    checkChoice(a, 'fill_mode', FILL_MODES);
    checkChoice(a, 'interpolation', INTERPOLATIONS);
  },
});

const randomPerspective = imageRule({
  className: 'RandomPerspective',
  use: { useBaseFactor: false, bounds: [0, 1] },
  checks(a) {
    setFactor(a.known('factor'), [0, 1]);
    const s = a.number('scale');
    if (s < 0 || s > 1) raise('scaleOutOfRange', { scale: s });
    checkChoice(a, 'interpolation', INTERPOLATIONS);
  },
});

const randomElasticTransform = imageRule({
  className: 'RandomElasticTransform',
  use: { useBaseFactor: false, bounds: [0, 1] },
  checks(a) {
    setFactor(a.known('factor'), [0, 1]);
    setFactor(a.known('scale'), [0, 1], 'scale');
    checkChoice(a, 'interpolation', INTERPOLATIONS);
    checkChoice(a, 'fill_mode', ['constant', 'nearest', 'wrap', 'mirror', 'reflect'], true);
  },
});

export const geometricRules: LayerRule[] = [
  resizing,
  centerCrop,
  randomCrop,
  randomFlip,
  randomRotation,
  randomTranslation,
  randomZoom,
  randomShear,
  randomPerspective,
  randomElasticTransform,
];
