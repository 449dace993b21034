/**
 * DenseNet121/169/201 as `keras/src/applications/densenet.py` builds them.
 * The two stem paddings are unnamed (`zero_padding2d`, `zero_padding2d_1`).
 */

import { errorOf } from '../../shapes/errors';
import type { TensorObj } from '../values';
import type { Family } from './applications';
import { type AppArgs, classifierTop, COMMON_PARAMS, imageInput } from './args';
import { obtainInputShape } from './imagenetUtils';
import { AppRaise, type Net } from './net';

const EPS = 1.001e-5;

function bnRelu(net: Net, x: TensorObj, bnName: string, reluName: string): TensorObj {
  x = net.apply('BatchNormalization', { axis: net.bnAxis, epsilon: EPS, name: bnName }, x);
  return net.apply('Activation', { name: reluName }, x, ['relu']);
}

/** `conv_block`: BN-ReLU-1x1 conv, BN-ReLU-3x3 conv, concatenated onto its input. */
function convBlock(net: Net, x: TensorObj, growth: number, name: string): TensorObj {
  let x1 = bnRelu(net, x, `${name}_0_bn`, `${name}_0_relu`);
  x1 = net.apply('Conv2D', { use_bias: false, name: `${name}_1_conv` }, x1, [4 * growth, 1]);
  x1 = bnRelu(net, x1, `${name}_1_bn`, `${name}_1_relu`);
  x1 = net.apply('Conv2D', { padding: 'same', use_bias: false, name: `${name}_2_conv` }, x1, [growth, 3]);
  return net.apply('Concatenate', { axis: net.bnAxis, name: `${name}_concat` }, [x, x1]);
}

/** `transition_block`: halves the channels and the size. */
function transition(net: Net, x: TensorObj, reduction: number, name: string): TensorObj {
  x = bnRelu(net, x, `${name}_bn`, `${name}_relu`);
  x = net.apply('Conv2D', { use_bias: false, name: `${name}_conv` }, x, [Math.trunc(net.channels(x) * reduction), 1]);
  return net.apply('AveragePooling2D', { strides: 2, name: `${name}_pool` }, x, [2]);
}

function denseNet(blocks: [number, number, number, number], dfltName: string) {
  return (net: Net, a: AppArgs) => {
    if (!net.channelsLast) throw new AppRaise(errorOf('channelsFirstUnsupported', { network: 'DenseNet' }));
    if (a.weights === 'imagenet' && a.includeTop && a.classes !== 1000)
      throw new AppRaise(errorOf('imagenetClassesDenseNet', { classes: a.classes }));
    const shape = obtainInputShape(net, a, a.inputShape, 224, 32, a.includeTop);
    const img = imageInput(net, a, shape);
    let x = net.apply(
      'ZeroPadding2D',
      {
        padding: [
          [3, 3],
          [3, 3],
        ],
      },
      img,
    );
    x = net.apply('Conv2D', { strides: 2, use_bias: false, name: 'conv1_conv' }, x, [64, 7]);
    x = bnRelu(net, x, 'conv1_bn', 'conv1_relu');
    x = net.apply(
      'ZeroPadding2D',
      {
        padding: [
          [1, 1],
          [1, 1],
        ],
      },
      x,
    );
    x = net.apply('MaxPooling2D', { strides: 2, name: 'pool1' }, x, [3]);
    blocks.forEach((n, i) => {
      for (let b = 0; b < n; b++) x = convBlock(net, x, 32, `conv${i + 2}_block${b + 1}`);
      if (i < 3) x = transition(net, x, 0.5, `pool${i + 2}`);
    });
    x = bnRelu(net, x, 'bn', 'relu');
    x = classifierTop(net, a, x, { topPool: 'avg_pool', avg: 'avg_pool', max: 'max_pool' });
    return { img, out: x, name: a.name(dfltName) };
  };
}

export const DENSENET_FAMILIES: Record<string, Family> = {
  DenseNet121: { params: COMMON_PARAMS, build: denseNet([6, 12, 24, 16], 'densenet121') },
  DenseNet169: { params: COMMON_PARAMS, build: denseNet([6, 12, 32, 32], 'densenet169') },
  DenseNet201: { params: COMMON_PARAMS, build: denseNet([6, 12, 48, 32], 'densenet201') },
};
