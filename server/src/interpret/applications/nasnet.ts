/**
 * NASNetMobile and NASNetLarge as `keras/src/applications/nasnet.py` builds
 * them (channels_last only): a strided stem, two reduction cells, then
 * normal cells and reduction cells, each cell taking the previous cell's
 * input as `p` and adjusting it (`_adjust_block`) to the size and width of
 * its own input. Their ReLUs, the `add` of reduction block 4 and the
 * adjustments' paddings, croppings and concatenations are unnamed (the
 * file's counters).
 *
 * Whether `p` is adjusted is decided on the shapes Keras has: without an
 * `input_shape` (NASNetLarge without its top) the sizes are None, equal to
 * each other, and the cells are built another way; that is followed as is.
 */

import { errorOf } from '../../shapes/errors';
import type { TensorObj } from '../values';
import type { Family } from './applications';
import { type AppArgs, classifierTop, imageInput } from './args';
import { correctPad, obtainInputShape } from './imagenetUtils';
import { AppRaise, AppUnknown, type Net } from './net';

const PARAMS = [
  'input_shape',
  'include_top',
  'weights',
  'input_tensor',
  'pooling',
  'classes',
  'classifier_activation',
  'name',
];

function bn(net: Net, x: TensorObj, name: string): TensorObj {
  return net.apply('BatchNormalization', { axis: -1, momentum: 0.9997, epsilon: 1e-3, name }, x);
}

const relu = (net: Net, x: TensorObj, name?: string): TensorObj =>
  net.apply('Activation', name ? { name } : {}, x, ['relu']);

function conv1x1(net: Net, x: TensorObj, filters: number, name: string): TensorObj {
  return net.apply('Conv2D', { strides: [1, 1], padding: 'same', use_bias: false, name }, x, [filters, [1, 1]]);
}

function add(net: Net, xs: TensorObj[], name?: string): TensorObj {
  return net.apply('Add', name ? { name } : {}, xs);
}

function pool(
  net: Net,
  cls: 'AveragePooling2D' | 'MaxPooling2D',
  x: TensorObj,
  strides: number,
  padding: string,
  name: string,
): TensorObj {
  return net.apply(cls, { strides: [strides, strides], padding, name }, x, [[3, 3]]);
}

/** `_separable_conv_block`: two ReLU-SeparableConv2D-BatchNormalization steps, the first one strided (after a padding) when asked. */
function separable(net: Net, ip: TensorObj, filters: number, kernel: number, id: string, strides = 1): TensorObj {
  let x = relu(net, ip);
  let padding = 'same';
  if (strides === 2) {
    x = net.apply('ZeroPadding2D', { padding: correctPad(net, x, kernel), name: `separable_conv_1_pad_${id}` }, x);
    padding = 'valid';
  }
  x = net.apply(
    'SeparableConv2D',
    { strides: [strides, strides], name: `separable_conv_1_${id}`, padding, use_bias: false },
    x,
    [filters, [kernel, kernel]],
  );
  x = relu(net, bn(net, x, `separable_conv_1_bn_${id}`));
  x = net.apply('SeparableConv2D', { name: `separable_conv_2_${id}`, padding: 'same', use_bias: false }, x, [
    filters,
    [kernel, kernel],
  ]);
  return bn(net, x, `separable_conv_2_bn_${id}`);
}

/** `_adjust_block`: `p` halved to the width of `ip` (two offset paths) when their widths differ, else projected to `filters` channels when needed. */
function adjust(net: Net, p: TensorObj | null, ip: TensorObj, filters: number, id: string): TensorObj {
  if (!p) return ip;
  const width = (t: TensorObj): number | null => {
    const d = t.shape![2];
    if (d === '?') throw new AppUnknown('size not known');
    return d;
  };
  if (width(p) !== width(ip)) {
    p = relu(net, p, `adjust_relu_1_${id}`);
    const halve = (x: TensorObj, i: number): TensorObj => {
      x = net.apply('AveragePooling2D', { strides: [2, 2], padding: 'valid', name: `adjust_avg_pool_${i}_${id}` }, x, [
        [1, 1],
      ]);
      return net.apply('Conv2D', { padding: 'same', use_bias: false, name: `adjust_conv_${i}_${id}` }, x, [
        Math.floor(filters / 2),
        [1, 1],
      ]);
    };
    const p1 = halve(p, 1);
    let p2 = net.apply(
      'ZeroPadding2D',
      {
        padding: [
          [0, 1],
          [0, 1],
        ],
      },
      p,
    );
    p2 = halve(
      net.apply(
        'Cropping2D',
        {
          cropping: [
            [1, 0],
            [1, 0],
          ],
        },
        p2,
      ),
      2,
    );
    return bn(net, net.apply('Concatenate', { axis: -1 }, [p1, p2]), `adjust_bn_${id}`);
  }
  if (net.channels(p) !== filters)
    return bn(net, conv1x1(net, relu(net, p), filters, `adjust_conv_projection_${id}`), `adjust_bn_${id}`);
  return p;
}

/** `_normal_a_cell`: returns the cell's output and its input (the next cell's `p`). */
function normalCell(net: Net, ip: TensorObj, p: TensorObj | null, filters: number, id: string): [TensorObj, TensorObj] {
  const pa = adjust(net, p, ip, filters, id);
  const h = bn(net, conv1x1(net, relu(net, ip), filters, `normal_conv_1_${id}`), `normal_bn_1_${id}`);
  const x1 = add(
    net,
    [separable(net, h, filters, 5, `normal_left1_${id}`), separable(net, pa, filters, 3, `normal_right1_${id}`)],
    `normal_add_1_${id}`,
  );
  const x2 = add(
    net,
    [separable(net, pa, filters, 5, `normal_left2_${id}`), separable(net, pa, filters, 3, `normal_right2_${id}`)],
    `normal_add_2_${id}`,
  );
  const x3 = add(net, [pool(net, 'AveragePooling2D', h, 1, 'same', `normal_left3_${id}`), pa], `normal_add_3_${id}`);
  const x4 = add(
    net,
    [
      pool(net, 'AveragePooling2D', pa, 1, 'same', `normal_left4_${id}`),
      pool(net, 'AveragePooling2D', pa, 1, 'same', `normal_right4_${id}`),
    ],
    `normal_add_4_${id}`,
  );
  const x5 = add(net, [separable(net, h, filters, 3, `normal_left5_${id}`), h], `normal_add_5_${id}`);
  return [net.apply('Concatenate', { axis: -1, name: `normal_concat_${id}` }, [pa, x1, x2, x3, x4, x5]), ip];
}

/** `_reduction_a_cell`: halves the size; returns the cell's output and its input. */
function reductionCell(
  net: Net,
  ip: TensorObj,
  p: TensorObj | null,
  filters: number,
  id: string,
): [TensorObj, TensorObj] {
  const pa = adjust(net, p, ip, filters, id);
  const h = bn(net, conv1x1(net, relu(net, ip), filters, `reduction_conv_1_${id}`), `reduction_bn_1_${id}`);
  const h3 = net.apply('ZeroPadding2D', { padding: correctPad(net, h, 3), name: `reduction_pad_1_${id}` }, h);
  const x1 = add(
    net,
    [
      separable(net, h, filters, 5, `reduction_left1_${id}`, 2),
      separable(net, pa, filters, 7, `reduction_right1_${id}`, 2),
    ],
    `reduction_add_1_${id}`,
  );
  const x2 = add(
    net,
    [
      pool(net, 'MaxPooling2D', h3, 2, 'valid', `reduction_left2_${id}`),
      separable(net, pa, filters, 7, `reduction_right2_${id}`, 2),
    ],
    `reduction_add_2_${id}`,
  );
  const x3 = add(
    net,
    [
      pool(net, 'AveragePooling2D', h3, 2, 'valid', `reduction_left3_${id}`),
      separable(net, pa, filters, 5, `reduction_right3_${id}`, 2),
    ],
    `reduction_add3_${id}`,
  );
  const x4 = add(net, [x2, pool(net, 'AveragePooling2D', x1, 1, 'same', `reduction_left4_${id}`)]);
  const x5 = add(
    net,
    [
      separable(net, x1, filters, 3, `reduction_left4_${id}`),
      pool(net, 'MaxPooling2D', h3, 2, 'valid', `reduction_right5_${id}`),
    ],
    `reduction_add4_${id}`,
  );
  return [net.apply('Concatenate', { axis: -1, name: `reduction_concat_${id}` }, [x2, x3, x4, x5]), ip];
}

interface Config {
  penultimateFilters: number;
  numBlocks: number;
  stemFilters: number;
  skipReduction: boolean;
  defaultSize: number;
  dfltName: string;
  /** NASNetMobile: without its top, the input defaults to 224x224x3. */
  noTopShape?: boolean;
}

const MULTIPLIER = 2;

function nasNet(c: Config) {
  return (net: Net, a: AppArgs) => {
    let given = a.inputShape;
    if (c.noTopShape && !a.includeTop && !given) given = { dims: [224, 224, 3], list: false };
    if (!net.channelsLast) throw new AppRaise(errorOf('channelsFirstUnsupported', { network: 'NASNet' }));
    if (a.weights === 'imagenet' && a.includeTop && a.classes !== 1000)
      throw new AppRaise(errorOf('imagenetClassesDenseNet', { classes: a.classes }));
    if (given && !given.list && given.dims.includes(null) && a.weights === 'imagenet') {
      throw new AppRaise(errorOf('nasnetStaticShape', { inputShape: { dims: given.dims, list: false } }));
    }
    const shape = obtainInputShape(net, a, given, c.defaultSize, 32, a.includeTop);
    const img = imageInput(net, a, shape);
    const filters = Math.floor(c.penultimateFilters / 24);
    let x = net.apply('Conv2D', { strides: [2, 2], padding: 'valid', use_bias: false, name: 'stem_conv1' }, img, [
      c.stemFilters,
      [3, 3],
    ]);
    x = bn(net, x, 'stem_bn1');
    let p: TensorObj | null = null;
    [x, p] = reductionCell(net, x, p, Math.floor(filters / MULTIPLIER ** 2), 'stem_1');
    [x, p] = reductionCell(net, x, p, Math.floor(filters / MULTIPLIER), 'stem_2');
    const n = c.numBlocks;
    for (let i = 0; i < n; i++) [x, p] = normalCell(net, x, p, filters, `${i}`);
    for (const stage of [1, 2]) {
      const width = filters * MULTIPLIER ** stage;
      let p0: TensorObj;
      [x, p0] = reductionCell(net, x, p, width, `reduce_${stage * n}`);
      if (!c.skipReduction) p = p0;
      for (let i = 0; i < n; i++) [x, p] = normalCell(net, x, p, width, `${stage * n + i + 1}`);
    }
    x = relu(net, x);
    x = classifierTop(net, a, x);
    return { img, out: x, name: a.strictName(c.dfltName) };
  };
}

export const NASNET_FAMILIES: Record<string, Family> = {
  NASNetMobile: {
    params: PARAMS,
    build: nasNet({
      penultimateFilters: 1056,
      numBlocks: 4,
      stemFilters: 32,
      skipReduction: false,
      defaultSize: 224,
      dfltName: 'nasnet_mobile',
      noTopShape: true,
    }),
  },
  NASNetLarge: {
    params: PARAMS,
    build: nasNet({
      penultimateFilters: 4032,
      numBlocks: 6,
      stemFilters: 96,
      skipReduction: true,
      defaultSize: 331,
      dfltName: 'nasnet_large',
    }),
  },
};
