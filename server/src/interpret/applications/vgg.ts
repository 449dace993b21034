/**
 * VGG16 and VGG19 as `keras/src/applications/{vgg16,vgg19}.py` build them:
 * blocks of named 3x3 ReLU convolutions and 2x2 max pools; the top is
 * Flatten and two 4096-unit layers before the classifier.
 */

import type { Family } from './applications';
import { type AppArgs, classifierTop, COMMON_PARAMS, imageInput } from './args';
import { obtainInputShape, validateActivation } from './imagenetUtils';
import type { Net } from './net';
/** VGG: blocks of 3x3 ReLU convolutions and 2x2 max pools; the top is Flatten and two 4096-unit layers. */
function vgg(convsPerBlock: number[], dfltName: string) {
  return (net: Net, a: AppArgs) => {
    a.checkClasses();
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
      validateActivation(a);
      x = net.apply('Dense', { activation: a.classifierActivation, name: 'predictions' }, x, [a.classes]);
    } else x = classifierTop(net, a, x);
    return { img, out: x, name: a.name(dfltName) };
  };
}

export const VGG_FAMILIES: Record<string, Family> = {
  VGG16: { params: COMMON_PARAMS, build: vgg([2, 2, 3, 3, 3], 'vgg16') },
  VGG19: { params: COMMON_PARAMS, build: vgg([2, 2, 4, 4, 4], 'vgg19') },
};
