/**
 * EfficientNetV2B0-B3, S, M and L as `keras/src/applications/
 * efficientnet_v2.py` builds them: a stem that rescales (the B variants,
 * with 3 channels, also normalize with a fixed mean and variance: no
 * weights), fused MBConv blocks (one regular convolution instead of
 * expand + depthwise) then MBConv blocks with squeeze-and-excitation, the
 * top convolution, and the classifier or pooling.
 *
 * Keras looks the block table up by the model's `name`: a name that is not
 * one of its own is a KeyError, and one of them picks that table whatever
 * the variant's coefficients.
 */

import { errorOf } from '../../shapes/errors';
import type { TensorObj } from '../values';
import type { Family } from './applications';
import { type AppArgs, imageInput } from './args';
import type { BlockArgs as EfficientNetBlockArgs } from './efficientnet';
import { obtainInputShape, validateActivation } from './imagenetUtils';
import { AppRaise, AppUnknown, type Net } from './net';

interface BlockArgs extends EfficientNetBlockArgs {
  seRatio: number;
  fused: boolean;
}

/** A table row: kernel, repeats, filters in, filters out, expand ratio, se ratio, strides, fused (conv_type 1). */
type Row = [number, number, number, number, number, number, number, number];

const table = (rows: Row[]): BlockArgs[] =>
  rows.map(([kernel, repeats, filtersIn, filtersOut, expand, seRatio, strides, fused]) => ({
    kernel,
    repeats,
    filtersIn,
    filtersOut,
    expand,
    seRatio,
    strides,
    fused: fused === 1,
  }));

/** B0-B3 share one table (their coefficients scale it). */
const B_ROWS: Row[] = [
  [3, 1, 32, 16, 1, 0, 1, 1],
  [3, 2, 16, 32, 4, 0, 2, 1],
  [3, 2, 32, 48, 4, 0, 2, 1],
  [3, 3, 48, 96, 4, 0.25, 2, 0],
  [3, 5, 96, 112, 6, 0.25, 1, 0],
  [3, 8, 112, 192, 6, 0.25, 2, 0],
];

/** `DEFAULT_BLOCKS_ARGS`, by the name Keras looks it up with. */
const BLOCKS_ARGS: Record<string, BlockArgs[]> = {
  'efficientnetv2-s': table([
    [3, 2, 24, 24, 1, 0, 1, 1],
    [3, 4, 24, 48, 4, 0, 2, 1],
    [3, 4, 48, 64, 4, 0, 2, 1],
    [3, 6, 64, 128, 4, 0.25, 2, 0],
    [3, 9, 128, 160, 6, 0.25, 1, 0],
    [3, 15, 160, 256, 6, 0.25, 2, 0],
  ]),
  'efficientnetv2-m': table([
    [3, 3, 24, 24, 1, 0, 1, 1],
    [3, 5, 24, 48, 4, 0, 2, 1],
    [3, 5, 48, 80, 4, 0, 2, 1],
    [3, 7, 80, 160, 4, 0.25, 2, 0],
    [3, 14, 160, 176, 6, 0.25, 1, 0],
    [3, 18, 176, 304, 6, 0.25, 2, 0],
    [3, 5, 304, 512, 6, 0.25, 1, 0],
  ]),
  'efficientnetv2-l': table([
    [3, 4, 32, 32, 1, 0, 1, 1],
    [3, 7, 32, 64, 4, 0, 2, 1],
    [3, 7, 64, 96, 4, 0, 2, 1],
    [3, 10, 96, 192, 4, 0.25, 2, 0],
    [3, 19, 192, 224, 6, 0.25, 1, 0],
    [3, 25, 224, 384, 6, 0.25, 2, 0],
    [3, 7, 384, 640, 6, 0.25, 1, 0],
  ]),
  'efficientnetv2-b0': table(B_ROWS),
  'efficientnetv2-b1': table(B_ROWS),
  'efficientnetv2-b2': table(B_ROWS),
  'efficientnetv2-b3': table(B_ROWS),
};

const PARAMS = [
  'include_top',
  'weights',
  'input_tensor',
  'input_shape',
  'pooling',
  'classes',
  'classifier_activation',
  'include_preprocessing',
  'name',
];

const BN_MOMENTUM = 0.9;
const DROP_CONNECT_RATE = 0.2;
const DROPOUT_RATE = 0.2;

/** `round_filters` (unlike EfficientNet's, it never rounds back up). */
function roundFilters(filters: number, width: number): number {
  const divisor = 8;
  return Math.max(divisor, Math.floor(Math.trunc(filters * width + divisor / 2) / divisor) * divisor);
}

function bn(net: Net, x: TensorObj, name: string): TensorObj {
  return net.apply('BatchNormalization', { axis: net.bnAxis, momentum: BN_MOMENTUM, name }, x);
}

/** Squeeze-and-excitation over `filters` channels, reduced to a quarter (or the ratio) of the block's input filters. */
function squeezeExcite(net: Net, x: TensorObj, filters: number, b: BlockArgs, name: string): TensorObj {
  if (!(b.seRatio > 0 && b.seRatio <= 1)) return x;
  const filtersSe = Math.max(1, Math.trunc(b.filtersIn * b.seRatio));
  let se = net.apply('GlobalAveragePooling2D', { name: `${name}se_squeeze` }, x);
  se = net.apply('Reshape', { name: `${name}se_reshape` }, se, [net.bnAxis === 1 ? [filters, 1, 1] : [1, 1, filters]]);
  se = net.apply('Conv2D', { padding: 'same', activation: 'swish', name: `${name}se_reduce` }, se, [filtersSe, 1]);
  se = net.apply('Conv2D', { padding: 'same', activation: 'sigmoid', name: `${name}se_expand` }, se, [filters, 1]);
  return net.apply('Multiply', { name: `${name}se_excite` }, [x, se]);
}

/** The residual, with a Dropout of the block's drop rate when that is not 0 (the first block's is). */
function residual(net: Net, x: TensorObj, inputs: TensorObj, b: BlockArgs, survival: number, name: string): TensorObj {
  if (b.strides !== 1 || b.filtersIn !== b.filtersOut) return x;
  if (survival) x = net.apply('Dropout', { noise_shape: [null, 1, 1, 1], name: `${name}drop` }, x, [survival]);
  return net.apply('Add', { name: `${name}add` }, [x, inputs]);
}

/** `MBConvBlock`: 1x1 expansion, depthwise convolution, squeeze-and-excitation, 1x1 projection. */
function mbConv(net: Net, inputs: TensorObj, b: BlockArgs, survival: number, name: string): TensorObj {
  const filters = b.filtersIn * b.expand;
  let x = inputs;
  if (b.expand !== 1) {
    x = net.apply(
      'Conv2D',
      { kernel_size: 1, strides: 1, padding: 'same', use_bias: false, name: `${name}expand_conv` },
      x,
      [filters],
    );
    x = net.apply('Activation', { name: `${name}expand_activation` }, bn(net, x, `${name}expand_bn`), ['swish']);
  }
  x = net.apply(
    'DepthwiseConv2D',
    { kernel_size: b.kernel, strides: b.strides, padding: 'same', use_bias: false, name: `${name}dwconv2` },
    x,
  );
  x = net.apply('Activation', { name: `${name}activation` }, bn(net, x, `${name}bn`), ['swish']);
  x = squeezeExcite(net, x, filters, b, name);
  x = net.apply(
    'Conv2D',
    { kernel_size: 1, strides: 1, padding: 'same', use_bias: false, name: `${name}project_conv` },
    x,
    [b.filtersOut],
  );
  x = bn(net, x, `${name}project_bn`);
  return residual(net, x, inputs, b, survival, name);
}

/** `FusedMBConvBlock`: one full convolution expands (or, without expansion, projects) with the block's kernel and strides. */
function fusedMbConv(net: Net, inputs: TensorObj, b: BlockArgs, survival: number, name: string): TensorObj {
  const filters = b.filtersIn * b.expand;
  let x = inputs;
  if (b.expand !== 1) {
    x = net.apply(
      'Conv2D',
      { kernel_size: b.kernel, strides: b.strides, padding: 'same', use_bias: false, name: `${name}expand_conv` },
      x,
      [filters],
    );
    x = net.apply(
      'Activation',
      { activation: 'swish', name: `${name}expand_activation` },
      bn(net, x, `${name}expand_bn`),
    );
  }
  x = squeezeExcite(net, x, filters, b, name);
  const expanded = b.expand !== 1;
  x = net.apply(
    'Conv2D',
    {
      kernel_size: expanded ? 1 : b.kernel,
      strides: expanded ? 1 : b.strides,
      padding: 'same',
      use_bias: false,
      name: `${name}project_conv`,
    },
    x,
    [b.filtersOut],
  );
  x = bn(net, x, `${name}project_bn`);
  if (!expanded) x = net.apply('Activation', { activation: 'swish', name: `${name}project_activation` }, x);
  return residual(net, x, inputs, b, survival, name);
}

/** `EfficientNetV2(width_coefficient, depth_coefficient, default_size)` under its default name. */
function efficientNetV2(width: number, depthCoefficient: number, defaultSize: number, dfltName: string) {
  return (net: Net, a: AppArgs) => {
    const name = a.strictName(dfltName);
    const blocksArgs = Object.hasOwn(BLOCKS_ARGS, name) ? BLOCKS_ARGS[name] : undefined;
    if (!blocksArgs) {
      // Python's repr of the name, for plain ones.
      if (!/^[\x20-\x7e]*$/.test(name) || /['\\]/.test(name)) throw new AppUnknown('name not in the block table');
      throw new AppRaise(errorOf('keyError', { key: name }));
    }
    if (a.weights === 'imagenet' && a.includeTop && a.classes !== 1000)
      throw new AppRaise(errorOf('imagenetClassesEfficientNet', { classes: a.classes }));
    const shape = obtainInputShape(net, a, a.inputShape, defaultSize, 32, a.includeTop);
    const img = imageInput(net, a, shape);
    let x = img;
    if (a.bool('include_preprocessing', true)) {
      const channels = shape[net.bnAxis - 1];
      if (name.split('-').pop()!.startsWith('b') && channels === 3) {
        x = net.apply('Rescaling', { scale: 1.0 / 255 }, x);
        x = net.apply(
          'Normalization',
          { mean: [0.485, 0.456, 0.406], variance: [0.229 ** 2, 0.224 ** 2, 0.225 ** 2], axis: net.bnAxis },
          x,
        );
      } else x = net.apply('Rescaling', { scale: 1.0 / 128.0, offset: -1 }, x);
    }
    x = net.apply('Conv2D', { kernel_size: 3, strides: 2, padding: 'same', use_bias: false, name: 'stem_conv' }, x, [
      roundFilters(blocksArgs[0].filtersIn, width),
    ]);
    x = net.apply('Activation', { name: 'stem_activation' }, bn(net, x, 'stem_bn'), ['swish']);
    // The drop rate grows with the block's index over the table's repeats (not the rounded ones).
    const blocks = blocksArgs.reduce((s, b) => s + b.repeats, 0);
    let count = 0;
    blocksArgs.forEach((args, i) => {
      const filtersIn = roundFilters(args.filtersIn, width);
      const filtersOut = roundFilters(args.filtersOut, width);
      const repeats = Math.ceil(depthCoefficient * args.repeats);
      for (let j = 0; j < repeats; j++) {
        const b = { ...args, filtersIn: j > 0 ? filtersOut : filtersIn, filtersOut, strides: j > 0 ? 1 : args.strides };
        const block = args.fused ? fusedMbConv : mbConv;
        x = block(net, x, b, (DROP_CONNECT_RATE * count) / blocks, `block${i + 1}${String.fromCharCode(j + 97)}_`);
        count++;
      }
    });
    x = net.apply('Conv2D', { kernel_size: 1, strides: 1, padding: 'same', use_bias: false, name: 'top_conv' }, x, [
      roundFilters(1280, width),
    ]);
    x = net.apply('Activation', { activation: 'swish', name: 'top_activation' }, bn(net, x, 'top_bn'));
    if (a.includeTop) {
      x = net.apply('GlobalAveragePooling2D', { name: 'avg_pool' }, x);
      x = net.apply('Dropout', { name: 'top_dropout' }, x, [DROPOUT_RATE]);
      validateActivation(a);
      x = net.apply('Dense', { activation: a.classifierActivation, name: 'predictions' }, x, [a.classes]);
    } else {
      const pooling = a.pooling;
      if (pooling === 'avg') x = net.apply('GlobalAveragePooling2D', { name: 'avg_pool' }, x);
      else if (pooling === 'max') x = net.apply('GlobalMaxPooling2D', { name: 'max_pool' }, x);
    }
    return { img, out: x, name };
  };
}

const VARIANTS: Array<[string, number, number, number]> = [
  ['B0', 1.0, 1.0, 224],
  ['B1', 1.0, 1.1, 240],
  ['B2', 1.1, 1.2, 260],
  ['B3', 1.2, 1.4, 300],
  ['S', 1.0, 1.0, 384],
  ['M', 1.0, 1.0, 480],
  ['L', 1.0, 1.0, 480],
];

export const EFFICIENTNET_V2_FAMILIES: Record<string, Family> = Object.fromEntries(
  VARIANTS.map(([v, w, d, size]) => [
    `EfficientNetV2${v}`,
    { params: PARAMS, build: efficientNetV2(w, d, size, `efficientnetv2-${v.toLowerCase()}`) },
  ]),
);
