/**
 * Xception as `keras/src/applications/xception.py` builds it: the same
 * layers, arguments, names and order (its shortcut convolutions and
 * `layers.add` are unnamed, so they draw the file's counters: `conv2d`,
 * `batch_normalization`, `add`, ...).
 */

import type { TensorObj } from '../values';
import type { Family } from './applications';
import { type AppArgs, classifierTop, COMMON_PARAMS, imageInput } from './args';
import { obtainInputShape } from './imagenetUtils';
import type { Net } from './net';

/** SeparableConv2D + BatchNormalization, named `{name}` and `{name}_bn`. */
function sepBn(net: Net, x: TensorObj, filters: number, name: string): TensorObj {
  x = net.apply('SeparableConv2D', { kernel_size: [3, 3], padding: 'same', use_bias: false, name }, x, [filters]);
  return net.apply('BatchNormalization', { axis: net.channelAxis, name: `${name}_bn` }, x);
}

const relu = (net: Net, x: TensorObj, name: string): TensorObj => net.apply('Activation', { name }, x, ['relu']);

/** The unnamed strided 1x1 shortcut of Xception's downsampling blocks. */
function shortcut(net: Net, x: TensorObj, filters: number): TensorObj {
  const r = net.apply('Conv2D', { kernel_size: [1, 1], strides: [2, 2], padding: 'same', use_bias: false }, x, [
    filters,
  ]);
  return net.apply('BatchNormalization', { axis: net.channelAxis }, r);
}

/** Blocks 2-4 and 13: two separable convolutions, a strided max pool, plus the shortcut. */
function downBlock(net: Net, x: TensorObj, block: number, filters: [number, number], firstRelu: boolean): TensorObj {
  const residual = shortcut(net, x, filters[1]);
  const p = `block${block}`;
  if (firstRelu) x = relu(net, x, `${p}_sepconv1_act`);
  x = sepBn(net, x, filters[0], `${p}_sepconv1`);
  x = relu(net, x, `${p}_sepconv2_act`);
  x = sepBn(net, x, filters[1], `${p}_sepconv2`);
  x = net.apply('MaxPooling2D', { strides: [2, 2], padding: 'same', name: `${p}_pool` }, x, [[3, 3]]);
  return net.apply('Add', {}, [x, residual]);
}

function xceptionBody(net: Net, img: TensorObj): TensorObj {
  let x = net.apply('Conv2D', { strides: [2, 2], use_bias: false, name: 'block1_conv1' }, img, [32, [3, 3]]);
  x = net.apply('BatchNormalization', { axis: net.channelAxis, name: 'block1_conv1_bn' }, x);
  x = relu(net, x, 'block1_conv1_act');
  x = net.apply('Conv2D', { use_bias: false, name: 'block1_conv2' }, x, [64, [3, 3]]);
  x = net.apply('BatchNormalization', { axis: net.channelAxis, name: 'block1_conv2_bn' }, x);
  x = relu(net, x, 'block1_conv2_act');
  x = downBlock(net, x, 2, [128, 128], false);
  x = downBlock(net, x, 3, [256, 256], true);
  x = downBlock(net, x, 4, [728, 728], true);
  for (let i = 0; i < 8; i++) {
    const residual = x;
    const p = `block${i + 5}`;
    for (const k of [1, 2, 3]) {
      x = relu(net, x, `${p}_sepconv${k}_act`);
      x = sepBn(net, x, 728, `${p}_sepconv${k}`);
    }
    x = net.apply('Add', {}, [x, residual]);
  }
  x = downBlock(net, x, 13, [728, 1024], true);
  x = sepBn(net, x, 1536, 'block14_sepconv1');
  x = relu(net, x, 'block14_sepconv1_act');
  x = sepBn(net, x, 2048, 'block14_sepconv2');
  return relu(net, x, 'block14_sepconv2_act');
}

function xception(net: Net, a: AppArgs) {
  a.checkClasses();
  const shape = obtainInputShape(net, a, a.inputShape, 299, 71, a.includeTop);
  const img = imageInput(net, a, shape);
  const x = classifierTop(net, a, xceptionBody(net, img), { topPool: 'avg_pool' });
  return { img, out: x, name: a.name('xception') };
}

export const XCEPTION_FAMILIES: Record<string, Family> = {
  Xception: { params: COMMON_PARAMS, build: xception },
};
