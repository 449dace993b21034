/**
 * ResNet50/101/152 and ResNet50V2/101V2/152V2 as `keras/src/applications/
 * {resnet,resnet_v2}.py` build them: one stem and top (`ResNet`), with the
 * bottleneck blocks of v1 (post-activation, conv shortcut then identity) or
 * v2 (pre-activation; the strided block is the last of a stack, its shortcut
 * an unnamed 1x1 max pool that draws the file's `max_pooling2d` counter).
 */

import type { TensorObj } from '../values';
import type { Family } from './applications';
import { type AppArgs, classifierTop, COMMON_PARAMS, imageInput } from './args';
import { obtainInputShape } from './imagenetUtils';
import type { Net } from './net';

const EPS = 1.001e-5;

function bn(net: Net, x: TensorObj, name: string): TensorObj {
  return net.apply('BatchNormalization', { axis: net.bnAxis, epsilon: EPS, name }, x);
}

function relu(net: Net, x: TensorObj, name: string): TensorObj {
  return net.apply('Activation', { name }, x, ['relu']);
}

/** `residual_block_v1`. */
function blockV1(
  net: Net,
  x: TensorObj,
  filters: number,
  stride: number,
  convShortcut: boolean,
  name: string,
): TensorObj {
  let shortcut = x;
  if (convShortcut) {
    shortcut = net.apply('Conv2D', { strides: stride, name: `${name}_0_conv` }, x, [4 * filters, 1]);
    shortcut = bn(net, shortcut, `${name}_0_bn`);
  }
  x = net.apply('Conv2D', { strides: stride, name: `${name}_1_conv` }, x, [filters, 1]);
  x = relu(net, bn(net, x, `${name}_1_bn`), `${name}_1_relu`);
  x = net.apply('Conv2D', { padding: 'SAME', name: `${name}_2_conv` }, x, [filters, 3]);
  x = relu(net, bn(net, x, `${name}_2_bn`), `${name}_2_relu`);
  x = net.apply('Conv2D', { name: `${name}_3_conv` }, x, [4 * filters, 1]);
  x = bn(net, x, `${name}_3_bn`);
  x = net.apply('Add', { name: `${name}_add` }, [shortcut, x]);
  return relu(net, x, `${name}_out`);
}

/** `stack_residual_blocks_v1`. */
function stackV1(net: Net, x: TensorObj, filters: number, blocks: number, stride1: number, name: string): TensorObj {
  x = blockV1(net, x, filters, stride1, true, `${name}_block1`);
  for (let i = 2; i <= blocks; i++) x = blockV1(net, x, filters, 1, false, `${name}_block${i}`);
  return x;
}

/** `residual_block_v2`. */
function blockV2(
  net: Net,
  x: TensorObj,
  filters: number,
  stride: number,
  convShortcut: boolean,
  name: string,
): TensorObj {
  const preact = relu(net, bn(net, x, `${name}_preact_bn`), `${name}_preact_relu`);
  let shortcut: TensorObj;
  if (convShortcut)
    shortcut = net.apply('Conv2D', { strides: stride, name: `${name}_0_conv` }, preact, [4 * filters, 1]);
  else shortcut = stride > 1 ? net.apply('MaxPooling2D', { strides: stride }, x, [1]) : x;
  x = net.apply('Conv2D', { strides: 1, use_bias: false, name: `${name}_1_conv` }, preact, [filters, 1]);
  x = relu(net, bn(net, x, `${name}_1_bn`), `${name}_1_relu`);
  x = net.apply(
    'ZeroPadding2D',
    {
      padding: [
        [1, 1],
        [1, 1],
      ],
      name: `${name}_2_pad`,
    },
    x,
  );
  x = net.apply('Conv2D', { strides: stride, use_bias: false, name: `${name}_2_conv` }, x, [filters, 3]);
  x = relu(net, bn(net, x, `${name}_2_bn`), `${name}_2_relu`);
  x = net.apply('Conv2D', { name: `${name}_3_conv` }, x, [4 * filters, 1]);
  return net.apply('Add', { name: `${name}_out` }, [shortcut, x]);
}

/** `stack_residual_blocks_v2`. */
function stackV2(net: Net, x: TensorObj, filters: number, blocks: number, stride1: number, name: string): TensorObj {
  x = blockV2(net, x, filters, 1, true, `${name}_block1`);
  for (let i = 2; i < blocks; i++) x = blockV2(net, x, filters, 1, false, `${name}_block${i}`);
  return blockV2(net, x, filters, stride1, false, `${name}_block${blocks}`);
}

/** `resnet.ResNet`: blocks per stage (conv2..conv5), v2 (pre-activation) or v1. */
function resnet(blocks: [number, number, number, number], v2: boolean, dfltName: string) {
  return (net: Net, a: AppArgs) => {
    a.checkClasses();
    const shape = obtainInputShape(net, a, a.inputShape, 224, 32, a.includeTop);
    const img = imageInput(net, a, shape);
    let x = net.apply(
      'ZeroPadding2D',
      {
        padding: [
          [3, 3],
          [3, 3],
        ],
        name: 'conv1_pad',
      },
      img,
    );
    x = net.apply('Conv2D', { strides: 2, use_bias: true, name: 'conv1_conv' }, x, [64, 7]);
    if (!v2) x = relu(net, bn(net, x, 'conv1_bn'), 'conv1_relu');
    x = net.apply(
      'ZeroPadding2D',
      {
        padding: [
          [1, 1],
          [1, 1],
        ],
        name: 'pool1_pad',
      },
      x,
    );
    x = net.apply('MaxPooling2D', { strides: 2, name: 'pool1_pool' }, x, [3]);
    const filters = [64, 128, 256, 512];
    filters.forEach((f, i) => {
      const name = `conv${i + 2}`;
      if (v2) x = stackV2(net, x, f, blocks[i], i === 3 ? 1 : 2, name);
      else x = stackV1(net, x, f, blocks[i], i === 0 ? 1 : 2, name);
    });
    if (v2) x = relu(net, bn(net, x, 'post_bn'), 'post_relu');
    x = classifierTop(net, a, x, { topPool: 'avg_pool', avg: 'avg_pool', max: 'max_pool' });
    return { img, out: x, name: a.name(dfltName) };
  };
}

export const RESNET_FAMILIES: Record<string, Family> = {
  ResNet50: { params: COMMON_PARAMS, build: resnet([3, 4, 6, 3], false, 'resnet50') },
  ResNet101: { params: COMMON_PARAMS, build: resnet([3, 4, 23, 3], false, 'resnet101') },
  ResNet152: { params: COMMON_PARAMS, build: resnet([3, 8, 36, 3], false, 'resnet152') },
  ResNet50V2: { params: COMMON_PARAMS, build: resnet([3, 4, 6, 3], true, 'resnet50v2') },
  ResNet101V2: { params: COMMON_PARAMS, build: resnet([3, 4, 23, 3], true, 'resnet101v2') },
  ResNet152V2: { params: COMMON_PARAMS, build: resnet([3, 8, 36, 3], true, 'resnet152v2') },
};
