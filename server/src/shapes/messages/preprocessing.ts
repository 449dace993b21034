/**
 * The preprocessing layers' own checks (`keras/src/layers/preprocessing/`).
 */

import { formatShape, type Dim, type Shape } from '../shape';
import { pyRepr, type PyValue } from '../values';
import { message } from './define';
import { pySetStr, pyStr } from './python';
import { tupleText } from '../python/text';

/** How each class's `_set_factor(factor, name)` words its range (the text before `Received:`). */
const NAMED_FACTOR_RANGE = {
  RandomTranslation: 'The `factor` argument should be a number (or a list of two numbers) in the range [-1.0, 1.0]. ',
  RandomZoom:
    'The `height_factor` and `width_factor` arguments should be a number (or a list of two numbers) in the range (-1.0, 1.0]. ',
  RandomShear: 'The `factor` argument should be a number (or a list of two numbers) in the range [0, 1.0]. ',
  Solarization:
    'The `addition_factor` and `threshold_factor` arguments should be a number (or a list of two numbers) in the range [0, 1]. ',
};

export type NamedFactorLayer = keyof typeof NAMED_FACTOR_RANGE;

/** A tuple of axes as `(1,)` or `(1, 2)`. */
const axesText = (axes: PyValue[]) => pyRepr({ kind: 'tuple', items: axes });
/** `np.shape` of a nested list. */
const npShape = (s: number[]) => tupleText(s.map(String));

export const preprocessingMessages = {
  // ------------------------------------------------ image layers
  /** `BaseImagePreprocessingLayer._set_factor`; Keras prints `factor=` whatever the argument's name. */
  factorOutOfRange: message(
    'ValueError',
    (d: { name: string; low: number; high: number; value: PyValue }) =>
      `The \`${d.name}\` argument should be a number (or a list of two numbers) in the range [${d.low}, ${d.high}]. Received: factor=${pyStr(d.value)}`,
  ),
  /** One number of the factor (`input_number`), or the whole argument when it is not a number or pair. */
  namedFactorOutOfRange: message(
    'ValueError',
    (d: { layer: NamedFactorLayer; name: string; value: PyValue; item: boolean }) =>
      `${NAMED_FACTOR_RANGE[d.layer]}Received: ${d.item ? 'input_number' : d.name}=${pyStr(d.value)}`,
  ),
  valueRangeInvalid: message(
    'ValueError',
    (d: { value: PyValue }) =>
      `The \`value_range\` argument should be a list of two numbers. Received: value_range=${pyStr(d.value)}`,
  ),
  /** A class that calls `_set_value_range` without defining the message it reads. */
  valueRangeMessageMissing: message(
    'AttributeError',
    (d: { className: string }) => `'${d.className}' object has no attribute '_VALUE_RANGE_VALIDATION_ERROR'`,
  ),
  /** `interpolation` / `fill_mode` outside the class's choices, a tuple or (`set`) a set display. */
  choiceNotImplemented: message(
    'NotImplementedError',
    (d: { name: string; value: PyValue; allowed: string[]; set?: boolean }) => {
      const items: PyValue[] = d.allowed.map((value) => ({ kind: 'str', value }));
      const shown = d.set ? pySetStr(items, true) : pyRepr({ kind: 'tuple', items });
      return `Unknown \`${d.name}\` ${pyStr(d.value)}. Expected of one ${shown}.`;
    },
  ),
  factorNotTaken: message(
    'ValueError',
    (d: { className: string; value: PyValue }) =>
      `Layer ${d.className} does not take a \`factor\` argument. Received: factor=${pyStr(d.value)}`,
  ),
  /** Keras's text ends with a space. */
  imageRankInvalidForCrop: message(
    'ValueError',
    (_: object) =>
      '`input_shape` must be a non-nested tuple or list of rank-1 with size 3 (unbatched) or 4 (batched). ',
  ),
  scaleOutOfRange: message(
    'ValueError',
    (d: { scale: number }) =>
      `The \`scale\` argument should be a number in the range [0,1]. Received: scale=${String(d.scale)}`,
  ),
  imagesRankInvalid: message(
    'ValueError',
    (d: { shape: Shape }) =>
      `Invalid images rank: expected rank 3 (single image) or rank 4 (batch of images). Received: input_shape=${formatShape(d.shape)}`,
  ),
  imagesNotRgb: message(
    'ValueError',
    (d: { channels: number }) => `Input images must have 3 channels, but received images with ${d.channels} channels.`,
  ),
  grayscaleFactorOutOfRange: message(
    'ValueError',
    (d: { value: PyValue }) => `\`factor\` should be between 0 and 1. Received: factor=${pyStr(d.value)}`,
  ),
  kernelSizeNotPair: message(
    'ValueError',
    (d: { value: PyValue }) =>
      `The \`kernel_size\` argument should be a number (or a list of two numbers) Received: kernel_size=${pyStr(d.value)}`,
  ),
  kernelSizeNotOdd: message(
    'ValueError',
    (d: { value: PyValue }) => `kernel_size must be an odd number. Received: kernel_size=${pyStr(d.value)}`,
  ),

  // ------------------------------------------------ categorical and numerical layers
  /** `argument_validation.validate_string_arg`. */
  stringArgInvalid: message(
    'ValueError',
    (d: { name: string; caller: string; allowed: string[]; value: PyValue }) =>
      `Unknown value for \`${d.name}\` argument of ${d.caller}. Allowed values are: (${d.allowed.map((s) => `'${s}'`).join(', ')}). ` +
      `Received: ${d.name}=${pyStr(d.value)}`,
  ),
  outputModeUnknown: message('ValueError', (d: { value: PyValue }) => `Unknown arg for output_mode: ${pyStr(d.value)}`),
  numTokensMissing: message(
    'ValueError',
    (_: object) =>
      'num_tokens must be set to use this layer. If the number of tokens is not known beforehand, use the IntegerLookup layer instead.',
  ),
  numTokensTooSmall: message(
    'ValueError',
    (d: { value: PyValue }) => `\`num_tokens\` must be >= 1. Received: num_tokens=${pyStr(d.value)}.`,
  ),
  meanVarianceBoth: message(
    'ValueError',
    (d: { mean: PyValue; variance: PyValue }) =>
      `When setting values directly, both \`mean\` and \`variance\` must be set. Received: mean=${pyStr(d.mean)} and variance=${pyStr(d.variance)}`,
  ),
  meanVarianceShapes: message(
    'ValueError',
    (d: { mean: number[]; variance: number[] }) =>
      `When setting values directly, \`mean\` and \`variance\` must have the same shape. Received: mean shape ${npShape(d.mean)} and variance shape ${npShape(d.variance)}`,
  ),
  meanRankTooHigh: message(
    'ValueError',
    (d: { mean: number[]; axes: PyValue[] }) =>
      `The rank of \`mean\` must be less than or equal to the number of axes (${d.axes.length}). Received: mean shape ${npShape(d.mean)} for axis ${axesText(d.axes)}`,
  ),
  normalizationAxisOutOfRange: message(
    'ValueError',
    (d: { ndim: number; axes: PyValue[] }) =>
      `All \`axis\` values must be in the range [-ndim, ndim). Received inputs with ndim=${d.ndim}, while axis=${axesText(d.axes)}`,
  ),
  normalizationAxisUnknown: message(
    'ValueError',
    (d: { axes: PyValue[]; shape: Shape; index: number }) =>
      `All \`axis\` values to be kept must have a known shape. Received axis=${axesText(d.axes)}, inputs.shape=${formatShape(d.shape)}, with unknown axis at index ${d.index}`,
  ),
  /** NumPy's reshape of the statistics. */
  cannotReshapeArray: message(
    'TypeError',
    (d: { from: Shape; fromSize: number; to: Shape; toSize: number }) =>
      `cannot reshape array of shape ${formatShape(d.from)} (size ${d.fromSize}) into shape ${formatShape(d.to)} (size ${d.toSize})`,
  ),
  /** The backend's broadcast of the mean to the input, in its type notation (`float32[3,4]`). */
  cannotBroadcastTypes: message('ValueError', (d: { input: Dim[]; requested: Dim[] }) => {
    const t = (s: Dim[]) => `float32[${s.map((x) => (x === '?' ? '?' : String(x))).join(',')}]`;
    return `Incompatible types for broadcasting: input type=${t(d.input)} and requested type=${t(d.requested)}`;
  }),
  sparseNeedsCountingMode: message(
    'ValueError',
    (d: { sparse: PyValue }) =>
      `\`sparse=True\` may only be used if \`output_mode\` is \`'one_hot'\`, \`'multi_hot'\`, or \`'count'\`. Received: sparse=${pyStr(d.sparse)} and output_mode=int`,
  ),
  numBinsNegative: message(
    'ValueError',
    (d: { value: PyValue }) =>
      `\`num_bins\` must be greater than or equal to 0. Received: \`num_bins=${pyStr(d.value)}\``,
  ),
  numBinsAndBoundaries: message(
    'ValueError',
    (d: { numBins: PyValue; boundaries: PyValue }) =>
      `Both \`num_bins\` and \`bin_boundaries\` should not be set. Received: \`num_bins=${pyStr(d.numBins)}\` and \`bin_boundaries=${pyStr(d.boundaries)}\``,
  ),
  numBinsOrBoundariesMissing: message(
    'ValueError',
    (_: object) => 'You need to set either `num_bins` or `bin_boundaries`.',
  ),
  hashingNumBinsInvalid: message(
    'ValueError',
    (d: { value: PyValue }) =>
      `The \`num_bins\` for \`Hashing\` cannot be \`None\` or non-positive values. Received: num_bins=${pyStr(d.value)}.`,
  ),
  /** Keras's text says 'in64'. */
  hashingIntDtype: message(
    'ValueError',
    (d: { dtype: string }) =>
      `When \`output_mode="int"\`, \`dtype\` should be an integer type, 'int32' or 'in64'. Received: dtype=${d.dtype}`,
  ),
  hashingOutputModeInvalid: message(
    'ValueError',
    (d: { value: PyValue }) =>
      `Invalid value for argument \`output_mode\`. Expected one of ('int', 'one_hot', 'multi_hot', 'count'). Received: output_mode=${pyStr(d.value)}`,
  ),
  hashingSparseNeedsCountingMode: message(
    'ValueError',
    (d: { sparse: PyValue }) =>
      `\`sparse\` may only be true if \`output_mode\` is \`"one_hot"\`, \`"multi_hot"\`, or \`"count"\`. Received: sparse=${pyStr(d.sparse)} and output_mode=int`,
  ),
  hashingSaltInvalid: message(
    'ValueError',
    (d: { value: PyValue }) =>
      `The \`salt\` argument for \`Hashing\` can only be a tuple of size 2 integers, or a single integer. Received: salt=${pyStr(d.value)}.`,
  ),
  sparseNeedsTensorFlow: message(
    'ValueError',
    (_: object) => '`sparse=True` can only be used with the TensorFlow backend.',
  ),
  /** `input_shape` prints as the one shape, or the list of shapes, the layer was called on. */
  hashedCrossingNeedsTwo: message(
    'ValueError',
    (d: { shapes: Shape[]; lone: Shape | null }) =>
      `Expected as input a list/tuple of 2 tensors. Received input_shape=${d.lone ? formatShape(d.lone) : `[${d.shapes.map(formatShape).join(', ')}]`}`,
  ),
  hashedCrossingShapesDiffer: message(
    'ValueError',
    (d: { shapes: Shape[] }) =>
      `Expected the two input tensors to have identical shapes. Received input_shape=[${d.shapes.map(formatShape).join(', ')}]`,
  ),
};
