/**
 * InceptionV3 as `keras/src/applications/inception_v3.py` builds it: its
 * `conv2d_bn` layers are all unnamed (the file's `conv2d`,
 * `batch_normalization`, `activation` counters), its BatchNormalization has
 * no scale (`scale=False`), and only the `mixed*` concatenations are named.
 */

import { errorOf } from '../../shapes/errors';
import type { TensorObj } from '../values';
import type { Family } from './applications';
import { type AppArgs, classifierTop, COMMON_PARAMS, imageInput } from './args';
import { obtainInputShape } from './imagenetUtils';
import { AppRaise, type Net } from './net';
/** `conv2d_bn` (always unnamed in InceptionV3). */
function cbn(
  net: Net,
  x: TensorObj,
  filters: number,
  rows: number,
  cols: number,
  strides = 1,
  padding = 'same',
): TensorObj {
  x = net.apply('Conv2D', { strides: [strides, strides], padding, use_bias: false }, x, [filters, [rows, cols]]);
  x = net.apply('BatchNormalization', { axis: net.bnAxis, scale: false }, x);
  return net.apply('Activation', {}, x, ['relu']);
}

const avgPool3 = (net: Net, x: TensorObj): TensorObj =>
  net.apply('AveragePooling2D', { strides: [1, 1], padding: 'same' }, x, [[3, 3]]);
const maxPool3 = (net: Net, x: TensorObj): TensorObj => net.apply('MaxPooling2D', { strides: [2, 2] }, x, [[3, 3]]);

function concat(net: Net, xs: TensorObj[], name?: string): TensorObj {
  return net.apply('Concatenate', name ? { axis: net.bnAxis, name } : { axis: net.bnAxis }, xs);
}

/** mixed0-2: 1x1, 5x5, double 3x3 and pooled branches. */
function mixedA(net: Net, x: TensorObj, poolFilters: number, name: string): TensorObj {
  const b1 = cbn(net, x, 64, 1, 1);
  const b5 = cbn(net, cbn(net, x, 48, 1, 1), 64, 5, 5);
  const b3 = cbn(net, cbn(net, cbn(net, x, 64, 1, 1), 96, 3, 3), 96, 3, 3);
  const bp = cbn(net, avgPool3(net, x), poolFilters, 1, 1);
  return concat(net, [b1, b5, b3, bp], name);
}

/** mixed4-7: factorized 7x7 branches of width `c`. */
function mixedC(net: Net, x: TensorObj, c: number, name: string): TensorObj {
  const b1 = cbn(net, x, 192, 1, 1);
  let b7 = cbn(net, x, c, 1, 1);
  b7 = cbn(net, cbn(net, b7, c, 1, 7), 192, 7, 1);
  let bd = cbn(net, x, c, 1, 1);
  bd = cbn(net, cbn(net, cbn(net, bd, c, 7, 1), c, 1, 7), c, 7, 1);
  bd = cbn(net, bd, 192, 1, 7);
  const bp = cbn(net, avgPool3(net, x), 192, 1, 1);
  return concat(net, [b1, b7, bd, bp], name);
}

/** mixed9-10: expanded 3x3 branches. */
function mixedE(net: Net, x: TensorObj, i: number): TensorObj {
  const b1 = cbn(net, x, 320, 1, 1);
  const b3 = cbn(net, x, 384, 1, 1);
  const b3m = concat(net, [cbn(net, b3, 384, 1, 3), cbn(net, b3, 384, 3, 1)], `mixed9_${i}`);
  const bd = cbn(net, cbn(net, x, 448, 1, 1), 384, 3, 3);
  const bdm = concat(net, [cbn(net, bd, 384, 1, 3), cbn(net, bd, 384, 3, 1)]);
  const bp = cbn(net, avgPool3(net, x), 192, 1, 1);
  return concat(net, [b1, b3m, bdm, bp], `mixed${9 + i}`);
}

function inceptionBody(net: Net, img: TensorObj): TensorObj {
  let x = cbn(net, img, 32, 3, 3, 2, 'valid');
  x = cbn(net, x, 32, 3, 3, 1, 'valid');
  x = cbn(net, x, 64, 3, 3);
  x = maxPool3(net, x);
  x = cbn(net, x, 80, 1, 1, 1, 'valid');
  x = cbn(net, x, 192, 3, 3, 1, 'valid');
  x = maxPool3(net, x);
  x = mixedA(net, x, 32, 'mixed0');
  x = mixedA(net, x, 64, 'mixed1');
  x = mixedA(net, x, 64, 'mixed2');
  const r3 = cbn(net, x, 384, 3, 3, 2, 'valid');
  const r3d = cbn(net, cbn(net, cbn(net, x, 64, 1, 1), 96, 3, 3), 96, 3, 3, 2, 'valid');
  x = concat(net, [r3, r3d, maxPool3(net, x)], 'mixed3');
  x = mixedC(net, x, 128, 'mixed4');
  x = mixedC(net, x, 160, 'mixed5');
  x = mixedC(net, x, 160, 'mixed6');
  x = mixedC(net, x, 192, 'mixed7');
  const r8 = cbn(net, cbn(net, x, 192, 1, 1), 320, 3, 3, 2, 'valid');
  let r87 = cbn(net, cbn(net, cbn(net, x, 192, 1, 1), 192, 1, 7), 192, 7, 1);
  r87 = cbn(net, r87, 192, 3, 3, 2, 'valid');
  x = concat(net, [r8, r87, maxPool3(net, x)], 'mixed8');
  x = mixedE(net, x, 0);
  return mixedE(net, x, 1);
}

function inceptionV3(net: Net, a: AppArgs) {
  if (a.weights === 'imagenet' && a.includeTop && a.classes !== 1000)
    throw new AppRaise(errorOf('imagenetClassesConvNeXt', { classes: a.classes }));
  const shape = obtainInputShape(net, a, a.inputShape, 299, 75, a.includeTop);
  const img = imageInput(net, a, shape);
  const x = classifierTop(net, a, inceptionBody(net, img), { topPool: 'avg_pool' });
  return { img, out: x, name: a.name('inception_v3') };
}

export const INCEPTION_V3_FAMILIES: Record<string, Family> = {
  InceptionV3: { params: COMMON_PARAMS, build: inceptionV3 },
};
