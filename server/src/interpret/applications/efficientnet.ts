/**
 * EfficientNetB0-B7 as `keras/src/applications/efficientnet.py` builds
 * them: a stem that rescales and normalizes (unnamed `Rescaling` and
 * `Normalization`, whose mean, variance and count are non-trainable; with
 * ImageNet weights a second `Rescaling`), MBConv blocks with
 * squeeze-and-excitation scaled by width and depth coefficients, the top
 * convolution, and the classifier or pooling. Initializers are left out:
 * they change no shape or count.
 */

import { errorOf } from '../../shapes/errors';
import type { TensorObj } from '../values';
import type { Family } from './applications';
import { type AppArgs, COMMON_PARAMS, imageInput } from './args';
import { correctPad, obtainInputShape, validateActivation } from './imagenetUtils';
import { AppRaise, type Net } from './net';

/** One row of Keras's block table (EfficientNetV2's rows add to it). */
export interface BlockArgs {
  kernel: number;
  repeats: number;
  filtersIn: number;
  filtersOut: number;
  expand: number;
  strides: number;
}

/** `DEFAULT_BLOCKS_ARGS` (every block has id_skip and se_ratio 0.25). */
const BLOCKS: BlockArgs[] = [
  { kernel: 3, repeats: 1, filtersIn: 32, filtersOut: 16, expand: 1, strides: 1 },
  { kernel: 3, repeats: 2, filtersIn: 16, filtersOut: 24, expand: 6, strides: 2 },
  { kernel: 5, repeats: 2, filtersIn: 24, filtersOut: 40, expand: 6, strides: 2 },
  { kernel: 3, repeats: 3, filtersIn: 40, filtersOut: 80, expand: 6, strides: 2 },
  { kernel: 5, repeats: 3, filtersIn: 80, filtersOut: 112, expand: 6, strides: 1 },
  { kernel: 5, repeats: 4, filtersIn: 112, filtersOut: 192, expand: 6, strides: 2 },
  { kernel: 3, repeats: 1, filtersIn: 192, filtersOut: 320, expand: 6, strides: 1 },
];

/** With ImageNet weights the stem divides by these (as square roots: Keras's own quirk). */
const IMAGENET_STDDEV_RGB = [0.229, 0.224, 0.225];

const SE_RATIO = 0.25;
const DROP_CONNECT_RATE = 0.2;

/** `block`: one MBConv block named `name` (`block2a_`). */
function mbBlock(
  net: Net,
  inputs: TensorObj,
  act: string,
  dropRate: number,
  name: string,
  b: { filtersIn: number; filtersOut: number; kernel: number; strides: number; expand: number },
): TensorObj {
  const axis = net.bnAxis;
  const filters = b.filtersIn * b.expand;
  let x = inputs;
  if (b.expand !== 1) {
    x = net.apply('Conv2D', { padding: 'same', use_bias: false, name: `${name}expand_conv` }, x, [filters, 1]);
    x = net.apply('BatchNormalization', { axis, name: `${name}expand_bn` }, x);
    x = net.apply('Activation', { name: `${name}expand_activation` }, x, [act]);
  }
  let pad = 'same';
  if (b.strides === 2) {
    x = net.apply('ZeroPadding2D', { padding: correctPad(net, x, b.kernel), name: `${name}dwconv_pad` }, x);
    pad = 'valid';
  }
  x = net.apply('DepthwiseConv2D', { strides: b.strides, padding: pad, use_bias: false, name: `${name}dwconv` }, x, [
    b.kernel,
  ]);
  x = net.apply('BatchNormalization', { axis, name: `${name}bn` }, x);
  x = net.apply('Activation', { name: `${name}activation` }, x, [act]);
  const filtersSe = Math.max(1, Math.trunc(b.filtersIn * SE_RATIO));
  let se = net.apply('GlobalAveragePooling2D', { name: `${name}se_squeeze` }, x);
  se = net.apply('Reshape', { name: `${name}se_reshape` }, se, [axis === 1 ? [filters, 1, 1] : [1, 1, filters]]);
  se = net.apply('Conv2D', { padding: 'same', activation: act, name: `${name}se_reduce` }, se, [filtersSe, 1]);
  se = net.apply('Conv2D', { padding: 'same', activation: 'sigmoid', name: `${name}se_expand` }, se, [filters, 1]);
  x = net.apply('Multiply', { name: `${name}se_excite` }, [x, se]);
  x = net.apply('Conv2D', { padding: 'same', use_bias: false, name: `${name}project_conv` }, x, [b.filtersOut, 1]);
  x = net.apply('BatchNormalization', { axis, name: `${name}project_bn` }, x);
  if (b.strides === 1 && b.filtersIn === b.filtersOut) {
    if (dropRate > 0) x = net.apply('Dropout', { noise_shape: [null, 1, 1, 1], name: `${name}drop` }, x, [dropRate]);
    x = net.apply('Add', { name: `${name}add` }, [x, inputs]);
  }
  return x;
}

/** `EfficientNet(width_coefficient, depth_coefficient, default_size, dropout_rate)`. */
function efficientNet(width: number, depth: number, defaultSize: number, dropoutRate: number, dfltName: string) {
  const roundFilters = (f: number): number => {
    const divisor = 8;
    const scaled = f * width;
    let n = Math.max(divisor, Math.floor(Math.trunc(scaled + divisor / 2) / divisor) * divisor);
    if (n < 0.9 * scaled) n += divisor;
    return n;
  };
  const roundRepeats = (r: number): number => Math.ceil(depth * r);
  return (net: Net, a: AppArgs) => {
    if (a.weights === 'imagenet' && a.includeTop && a.classes !== 1000)
      throw new AppRaise(errorOf('imagenetClassesEfficientNet', { classes: a.classes }));
    const shape = obtainInputShape(net, a, a.inputShape, defaultSize, 32, a.includeTop);
    const img = imageInput(net, a, shape);
    const axis = net.bnAxis;
    let x = net.apply('Rescaling', {}, img, [1.0 / 255.0]);
    x = net.apply('Normalization', { axis }, x);
    if (a.weights === 'imagenet') x = net.apply('Rescaling', {}, x, [IMAGENET_STDDEV_RGB.map((s) => 1 / Math.sqrt(s))]);
    x = net.apply('ZeroPadding2D', { padding: correctPad(net, x, 3), name: 'stem_conv_pad' }, x);
    x = net.apply('Conv2D', { strides: 2, padding: 'valid', use_bias: false, name: 'stem_conv' }, x, [
      roundFilters(32),
      3,
    ]);
    x = net.apply('BatchNormalization', { axis, name: 'stem_bn' }, x);
    x = net.apply('Activation', { name: 'stem_activation' }, x, ['swish']);
    const total = BLOCKS.reduce((s, b) => s + roundRepeats(b.repeats), 0);
    let count = 0;
    BLOCKS.forEach((args, i) => {
      const filtersIn = roundFilters(args.filtersIn);
      const filtersOut = roundFilters(args.filtersOut);
      for (let j = 0; j < roundRepeats(args.repeats); j++) {
        const b = { ...args, filtersIn: j > 0 ? filtersOut : filtersIn, filtersOut, strides: j > 0 ? 1 : args.strides };
        x = mbBlock(
          net,
          x,
          'swish',
          (DROP_CONNECT_RATE * count) / total,
          `block${i + 1}${String.fromCharCode(j + 97)}_`,
          b,
        );
        count++;
      }
    });
    x = net.apply('Conv2D', { padding: 'same', use_bias: false, name: 'top_conv' }, x, [roundFilters(1280), 1]);
    x = net.apply('BatchNormalization', { axis, name: 'top_bn' }, x);
    x = net.apply('Activation', { name: 'top_activation' }, x, ['swish']);
    x = top(net, a, x, dropoutRate);
    return { img, out: x, name: a.name(dfltName) };
  };
}

function top(net: Net, a: AppArgs, x: TensorObj, dropoutRate: number): TensorObj {
  if (a.includeTop) {
    x = net.apply('GlobalAveragePooling2D', { name: 'avg_pool' }, x);
    if (dropoutRate > 0) x = net.apply('Dropout', { name: 'top_dropout' }, x, [dropoutRate]);
    validateActivation(a);
    return net.apply('Dense', { activation: a.classifierActivation, name: 'predictions' }, x, [a.classes]);
  }
  const pooling = a.pooling;
  if (pooling === 'avg') return net.apply('GlobalAveragePooling2D', { name: 'avg_pool' }, x);
  if (pooling === 'max') return net.apply('GlobalMaxPooling2D', { name: 'max_pool' }, x);
  return x;
}

const VARIANTS: Array<[number, number, number, number]> = [
  [1.0, 1.0, 224, 0.2],
  [1.0, 1.1, 240, 0.2],
  [1.1, 1.2, 260, 0.3],
  [1.2, 1.4, 300, 0.3],
  [1.4, 1.8, 380, 0.4],
  [1.6, 2.2, 456, 0.4],
  [1.8, 2.6, 528, 0.5],
  [2.0, 3.1, 600, 0.5],
];

export const EFFICIENTNET_FAMILIES: Record<string, Family> = Object.fromEntries(
  VARIANTS.map(([w, d, size, drop], i) => [
    `EfficientNetB${i}`,
    { params: COMMON_PARAMS, build: efficientNet(w, d, size, drop, `efficientnetb${i}`) },
  ]),
);
