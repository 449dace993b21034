/**
 * MobileNet and MobileNetV2 as `keras/src/applications/{mobilenet,
 * mobilenet_v2}.py` build them: width multiplier `alpha` (and MobileNet's
 * `depth_multiplier`, `dropout`), the default size drawn from a square input
 * of a size ImageNet weights exist for, and the name
 * `mobilenet[v2]_{alpha:.2f}_{rows}`.
 */

import { errorOf } from '../../shapes/errors';
import type { NumArg } from '../../shapes/messages/applications';
import type { Shape } from '../../shapes/shape';
import type { TensorObj, Value } from '../values';
import type { Family } from './applications';
import { type AppArgs, classifierTop, type ShapeArg } from './args';
import { correctPad, obtainInputShape, validateActivation } from './imagenetUtils';
import { AppRaise, AppUnknown, float, type Net } from './net';

/** Python's `f"{x:0.2f}"`: exact halves round to even (JavaScript's `toFixed` rounds them up). */
function fixed2(x: number): string {
  const scaled = x * 100;
  if (Number.isInteger(scaled * 2) && !Number.isInteger(scaled)) {
    const down = Math.floor(scaled);
    return ((down % 2 === 0 ? down : down + 1) / 100).toFixed(2);
  }
  return x.toFixed(2);
}

/** Python's repr of a number argument (`1.0`, `2`, `0.3`). */
/** A number argument as Python has it: an int as written, a float, or (not given) Keras's default `1.0`. */
function numArg(v: Value | undefined, x: number): NumArg {
  return v ? { value: x, float: v.kind !== 'int' } : { value: 1, float: true };
}

/** `rows`/`cols` of an input shape (without batch). */
function rowsCols(net: Net, s: Array<number | null>): [number | null, number | null] {
  return net.channelsLast ? [s[0], s[1]] : [s[1], s[2]];
}

/** The default size: the input's side when square and one of `sizes`, else 224. */
function defaultSize(rows: number | null | undefined, cols: number | null | undefined, sizes: number[]): number {
  return rows === cols && typeof rows === 'number' && sizes.includes(rows) ? rows : 224;
}

/** The `rows` the name uses: 224 where ImageNet weights are loaded for another size. */
function nameRows(a: AppArgs, rows: number | null, cols: number | null, sizes: number[]): string {
  if (a.weights === 'imagenet' && (rows !== cols || rows === null || !sizes.includes(rows))) return '224';
  return rows === null ? 'None' : String(rows);
}

function relu6(net: Net, x: TensorObj, name: string): TensorObj {
  return net.apply('ReLU', { name }, x, [float(6)]);
}

// ------------------------------------------------------------------ MobileNet

const MOBILENET_SIZES = [128, 160, 192, 224];

function depthwiseBlock(
  net: Net,
  x: TensorObj,
  filters: number,
  alpha: number,
  depthMultiplier: number,
  strides: number,
  id: number,
): TensorObj {
  if (strides !== 1)
    x = net.apply('ZeroPadding2D', { name: `conv_pad_${id}` }, x, [
      [
        [0, 1],
        [0, 1],
      ],
    ]);
  x = net.apply(
    'DepthwiseConv2D',
    {
      padding: strides === 1 ? 'same' : 'valid',
      depth_multiplier: depthMultiplier,
      strides: [strides, strides],
      use_bias: false,
      name: `conv_dw_${id}`,
    },
    x,
    [[3, 3]],
  );
  x = relu6(
    net,
    net.apply('BatchNormalization', { axis: net.channelAxis, name: `conv_dw_${id}_bn` }, x),
    `conv_dw_${id}_relu`,
  );
  x = net.apply('Conv2D', { padding: 'same', use_bias: false, strides: [1, 1], name: `conv_pw_${id}` }, x, [
    Math.trunc(filters * alpha),
    [1, 1],
  ]);
  return relu6(
    net,
    net.apply('BatchNormalization', { axis: net.channelAxis, name: `conv_pw_${id}_bn` }, x),
    `conv_pw_${id}_relu`,
  );
}

const MOBILENET_BLOCKS: Array<[number, number]> = [
  [64, 1],
  [128, 2],
  [128, 1],
  [256, 2],
  [256, 1],
  [512, 2],
  [512, 1],
  [512, 1],
  [512, 1],
  [512, 1],
  [512, 1],
  [1024, 2],
  [1024, 1],
];

function mobilenet(net: Net, a: AppArgs) {
  a.checkClasses();
  const alpha = a.num('alpha', 1.0);
  const depthMultiplier = a.num('depth_multiplier', 1);
  const given = a.inputShape;
  const [r0, c0] = given ? rowsCols(net, given.dims) : [undefined, undefined];
  const shape = obtainInputShape(net, a, given, given ? defaultSize(r0, c0, MOBILENET_SIZES) : 224, 32, a.includeTop);
  const [rows, cols] = rowsCols(net, shape);
  if (a.weights === 'imagenet') {
    if (depthMultiplier !== 1)
      throw new AppRaise(
        errorOf('mobilenetDepthMultiplier', { depthMultiplier: numArg(a.raw('depth_multiplier'), depthMultiplier) }),
      );
    if (![0.25, 0.5, 0.75, 1.0].includes(alpha))
      throw new AppRaise(errorOf('mobilenetAlpha', { alpha: numArg(a.raw('alpha'), alpha) }));
  }
  const img = a.inputTensor ?? net.input(shape as Shape);
  let x = net.apply('Conv2D', { padding: 'same', use_bias: false, strides: [2, 2], name: 'conv1' }, img, [
    Math.trunc(32 * alpha),
    [3, 3],
  ]);
  x = relu6(net, net.apply('BatchNormalization', { axis: net.channelAxis, name: 'conv1_bn' }, x), 'conv1_relu');
  MOBILENET_BLOCKS.forEach(([f, s], i) => {
    x = depthwiseBlock(net, x, f, alpha, depthMultiplier, s, i + 1);
  });
  if (a.includeTop) {
    x = net.apply('GlobalAveragePooling2D', { keepdims: true }, x);
    x = net.apply('Dropout', { name: 'dropout' }, x, [a.raw('dropout') ? a.num('dropout', 1e-3) : 1e-3]);
    x = net.apply('Conv2D', { padding: 'same', name: 'conv_preds' }, x, [a.classes, [1, 1]]);
    x = net.apply('Reshape', { name: 'reshape_2' }, x, [[a.classes]]);
    validateActivation(a);
    x = net.apply('Activation', { activation: a.classifierActivation, name: 'predictions' }, x);
  } else x = classifierTop(net, a, x);
  return { img, out: x, name: a.name(`mobilenet_${fixed2(alpha)}_${nameRows(a, rows, cols, MOBILENET_SIZES)}`) };
}

// ---------------------------------------------------------------- MobileNetV2

const V2_SIZES = [96, 128, 160, 192, 224];

/** `_make_divisible`: round to a multiple of `divisor`, never down by more than 10%. */
export function makeDivisible(v: number, divisor: number, minValue = divisor): number {
  let n = Math.max(minValue, Math.floor(Math.trunc(v + divisor / 2) / divisor) * divisor);
  if (n < 0.9 * v) n += divisor;
  return n;
}

function bn3(net: Net, x: TensorObj, name: string): TensorObj {
  return net.apply('BatchNormalization', { axis: net.channelAxis, epsilon: 1e-3, momentum: 0.999, name }, x);
}

/** `_inverted_res_block`. */
function invertedRes(
  net: Net,
  inputs: TensorObj,
  expansion: number,
  stride: number,
  alpha: number,
  filters: number,
  id: number,
): TensorObj {
  const inChannels = net.channels(inputs);
  const pointwise = makeDivisible(Math.trunc(filters * alpha), 8);
  let x = inputs;
  let prefix = `block_${id}_`;
  if (id) {
    x = net.apply(
      'Conv2D',
      { kernel_size: 1, padding: 'same', use_bias: false, activation: null, name: `${prefix}expand` },
      x,
      [expansion * inChannels],
    );
    x = relu6(net, bn3(net, x, `${prefix}expand_BN`), `${prefix}expand_relu`);
  } else prefix = 'expanded_conv_';
  if (stride === 2) x = net.apply('ZeroPadding2D', { padding: correctPad(net, x, 3), name: `${prefix}pad` }, x);
  x = net.apply(
    'DepthwiseConv2D',
    {
      kernel_size: 3,
      strides: stride,
      activation: null,
      use_bias: false,
      padding: stride === 1 ? 'same' : 'valid',
      name: `${prefix}depthwise`,
    },
    x,
  );
  x = relu6(net, bn3(net, x, `${prefix}depthwise_BN`), `${prefix}depthwise_relu`);
  x = net.apply(
    'Conv2D',
    { kernel_size: 1, padding: 'same', use_bias: false, activation: null, name: `${prefix}project` },
    x,
    [pointwise],
  );
  x = bn3(net, x, `${prefix}project_BN`);
  if (inChannels === pointwise && stride === 1) return net.apply('Add', { name: `${prefix}add` }, [inputs, x]);
  return x;
}

const V2_BLOCKS: Array<[number, number, number]> = [
  // filters, stride, expansion
  [16, 1, 1],
  [24, 2, 6],
  [24, 1, 6],
  [32, 2, 6],
  [32, 1, 6],
  [32, 1, 6],
  [64, 2, 6],
  [64, 1, 6],
  [64, 1, 6],
  [64, 1, 6],
  [96, 1, 6],
  [96, 1, 6],
  [96, 1, 6],
  [160, 2, 6],
  [160, 1, 6],
  [160, 1, 6],
  [320, 1, 6],
];

/** MobileNetV2's checks of `input_tensor` against `input_shape`, and the default size it draws from them. */
function v2DefaultSize(net: Net, a: AppArgs, given: ShapeArg | null): number {
  const t = a.inputTensor;
  if (given && t) {
    const ts = t.shape!;
    const [ti, gi] = net.channelsLast ? [2, 1] : [1, 1];
    if (ts[ti] === '?') throw new AppUnknown('input_tensor shape not known');
    if (ts[ti] !== given.dims[gi]) {
      throw new AppRaise(
        errorOf('mobilenetV2InputTensor', { channelsLast: net.channelsLast, tensorShape: ts, inputShape: given }),
      );
    }
  }
  if (!given && t) {
    const [r, c] = net.spatial(t);
    return defaultSize(r, c, V2_SIZES);
  }
  if (!given) return 224;
  const [r, c] = rowsCols(net, given.dims);
  return defaultSize(r, c, V2_SIZES);
}

function mobilenetV2(net: Net, a: AppArgs) {
  a.checkClasses((classes) => errorOf('imagenetClassesMobileNetV2', { classes }));
  const alpha = a.num('alpha', 1.0);
  const given = a.inputShape;
  const shape = obtainInputShape(net, a, given, v2DefaultSize(net, a, given), 32, a.includeTop);
  const [rows, cols] = rowsCols(net, shape);
  if (a.weights === 'imagenet' && ![0.35, 0.5, 0.75, 1.0, 1.3, 1.4].includes(alpha)) {
    throw new AppRaise(errorOf('mobilenetV2Alpha', { alpha: numArg(a.raw('alpha'), alpha) }));
  }
  const img = a.inputTensor ?? net.input(shape as Shape);
  let x = net.apply(
    'Conv2D',
    { kernel_size: 3, strides: [2, 2], padding: 'same', use_bias: false, name: 'Conv1' },
    img,
    [makeDivisible(32 * alpha, 8)],
  );
  x = relu6(net, bn3(net, x, 'bn_Conv1'), 'Conv1_relu');
  V2_BLOCKS.forEach(([f, s, e], id) => {
    x = invertedRes(net, x, e, s, alpha, f, id);
  });
  const last = alpha > 1.0 ? makeDivisible(1280 * alpha, 8) : 1280;
  x = net.apply('Conv2D', { kernel_size: 1, use_bias: false, name: 'Conv_1' }, x, [last]);
  x = relu6(net, bn3(net, x, 'Conv_1_bn'), 'out_relu');
  x = classifierTop(net, a, x);
  return { img, out: x, name: a.name(`mobilenetv2_${fixed2(alpha)}_${nameRows(a, rows, cols, V2_SIZES)}`) };
}

export const MOBILENET_FAMILIES: Record<string, Family> = {
  MobileNet: {
    params: [
      'input_shape',
      'alpha',
      'depth_multiplier',
      'dropout',
      'include_top',
      'weights',
      'input_tensor',
      'pooling',
      'classes',
      'classifier_activation',
      'name',
    ],
    build: mobilenet,
  },
  MobileNetV2: {
    params: [
      'input_shape',
      'alpha',
      'include_top',
      'weights',
      'input_tensor',
      'pooling',
      'classes',
      'classifier_activation',
      'name',
    ],
    build: mobilenetV2,
  },
};
