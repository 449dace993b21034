/**
 * Xception and VGG16/VGG19 as `keras/src/applications/{xception,vgg16,vgg19}.py`
 * build them: the same layers, arguments, names and order (Xception's
 * shortcut convolutions and `layers.add` are unnamed, so they draw the file's
 * counters: `conv2d`, `batch_normalization`, `add`, ...).
 */

import type { Family } from './applications';
import {
  classesMessage,
  classifierTop,
  COMMON_PARAMS as COMMON,
  imageInput,
  obtainInputShape,
  type AppArgs,
} from './applicationsArgs';
import type { Net } from './applicationsNet';
import type { TensorObj } from './values';

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
  a.checkClasses(classesMessage);
  const shape = obtainInputShape(net, a, a.inputShape, 299, 71, a.includeTop);
  const img = imageInput(net, a, shape);
  const x = classifierTop(net, a, xceptionBody(net, img), { topPool: 'avg_pool' });
  return { img, out: x, name: a.name('xception') };
}

/** VGG: blocks of 3x3 ReLU convolutions and 2x2 max pools; the top is Flatten and two 4096-unit layers. */
function vgg(convsPerBlock: number[], dfltName: string) {
  return (net: Net, a: AppArgs) => {
    a.checkClasses(classesMessage);
    const shape = obtainInputShape(net, a, a.inputShape, 224, 32, a.includeTop);
    const img = imageInput(net, a, shape);
    let x = img;
    const filters = [64, 128, 256, 512, 512];
    convsPerBlock.forEach((n, b) => {
      for (let i = 1; i <= n; i++)
        x = net.apply('Conv2D', { activation: 'relu', padding: 'same', name: `block${b + 1}_conv${i}` }, x, [
          filters[b],
          [3, 3],
        ]);
      x = net.apply('MaxPooling2D', { strides: [2, 2], name: `block${b + 1}_pool` }, x, [[2, 2]]);
    });
    if (a.includeTop) {
      x = net.apply('Flatten', { name: 'flatten' }, x);
      x = net.apply('Dense', { activation: 'relu', name: 'fc1' }, x, [4096]);
      x = net.apply('Dense', { activation: 'relu', name: 'fc2' }, x, [4096]);
      a.validateActivation();
      x = net.apply('Dense', { activation: a.classifierActivation, name: 'predictions' }, x, [a.classes]);
    } else x = classifierTop(net, a, x);
    return { img, out: x, name: a.name(dfltName) };
  };
}

export const XCEPTION_VGG_FAMILIES: Record<string, Family> = {
  Xception: { params: COMMON, build: xception },
  VGG16: { params: COMMON, build: vgg([2, 2, 3, 3, 3], 'vgg16') },
  VGG19: { params: COMMON, build: vgg([2, 2, 4, 4, 4], 'vgg19') },
};
