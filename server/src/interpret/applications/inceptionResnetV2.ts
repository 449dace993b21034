/**
 * InceptionResNetV2 as `keras/src/applications/inception_resnet_v2.py`
 * builds it: `conv2d_bn` layers (unnamed unless the block names them; no
 * BatchNormalization scale), Inception-ResNet blocks whose branches are
 * concatenated, projected back by a biased 1x1 convolution and added to the
 * block's input as `x + up * scale`.
 *
 * That sum is Keras's own `CustomScaleLayer` (no weights; a
 * `custom_scale_layer` counter name), built as an `Add` of its two
 * same-shaped inputs, whose shape rule it shares.
 */

import { errorOf } from '../../shapes/errors';
import type { TensorObj } from '../values';
import type { Family } from './applications';
import { type AppArgs, classifierTop, COMMON_PARAMS, imageInput } from './args';
import { obtainInputShape } from './imagenetUtils';
import { AppRaise, type Net } from './net';

interface ConvBn {
  strides?: number;
  padding?: string;
  /** Null: the convolution alone (`activation=None`, `use_bias=True`: no BatchNormalization). */
  activation?: string | null;
  name?: string;
}

/** `conv2d_bn`: Conv2D, BatchNormalization (scale=False) and an activation, named `name`, `name_bn`, `name_ac` when named. */
function cbn(net: Net, x: TensorObj, filters: number, kernel: number | [number, number], o: ConvBn = {}): TensorObj {
  const useBias = o.activation === null;
  const named = (suffix: string): { name?: string } => (o.name ? { name: `${o.name}${suffix}` } : {});
  x = net.apply(
    'Conv2D',
    { strides: o.strides ?? 1, padding: o.padding ?? 'same', use_bias: useBias, ...named('') },
    x,
    [filters, kernel],
  );
  if (!useBias) x = net.apply('BatchNormalization', { axis: net.bnAxis, scale: false, ...named('_bn') }, x);
  if (o.activation !== null) x = net.apply('Activation', named('_ac'), x, [o.activation ?? 'relu']);
  return x;
}

type BlockType = 'block35' | 'block17' | 'block8';

/** The branches of each block type. */
function branches(net: Net, x: TensorObj, type: BlockType): TensorObj[] {
  // In Keras's order: the unnamed layers draw their counters as they are made.
  const b0 = cbn(net, x, type === 'block35' ? 32 : 192, 1);
  if (type === 'block35') {
    const b1 = cbn(net, cbn(net, x, 32, 1), 32, 3);
    return [b0, b1, cbn(net, cbn(net, cbn(net, x, 32, 1), 48, 3), 64, 3)];
  }
  if (type === 'block17') return [b0, cbn(net, cbn(net, cbn(net, x, 128, 1), 160, [1, 7]), 192, [7, 1])];
  return [b0, cbn(net, cbn(net, cbn(net, x, 192, 1), 224, [1, 3]), 256, [3, 1])];
}

/** `inception_resnet_block`. */
function inceptionResNetBlock(
  net: Net,
  x: TensorObj,
  type: BlockType,
  index: number,
  activation: string | null = 'relu',
): TensorObj {
  const name = `${type}_${index}`;
  const mixed = net.apply('Concatenate', { axis: net.bnAxis, name: `${name}_mixed` }, branches(net, x, type));
  const up = cbn(net, mixed, net.channels(x), 1, { activation: null, name: `${name}_conv` });
  x = net.call(net.layer('Add', {}, [], 'CustomScaleLayer'), [x, up]);
  if (activation !== null) x = net.apply('Activation', { name: `${name}_ac` }, x, [activation]);
  return x;
}

function concat(net: Net, xs: TensorObj[], name: string): TensorObj {
  return net.apply('Concatenate', { axis: net.bnAxis, name }, xs);
}

function inceptionResNetV2(net: Net, a: AppArgs) {
  if (a.weights === 'imagenet' && a.includeTop && a.classes !== 1000)
    throw new AppRaise(errorOf('imagenetClassesConvNeXt', { classes: a.classes }));
  const shape = obtainInputShape(net, a, a.inputShape, 299, 75, a.includeTop);
  const img = imageInput(net, a, shape);
  const maxPool = (x: TensorObj): TensorObj => net.apply('MaxPooling2D', { strides: 2 }, x, [3]);
  // Stem.
  let x = cbn(net, img, 32, 3, { strides: 2, padding: 'valid' });
  x = cbn(net, x, 32, 3, { padding: 'valid' });
  x = cbn(net, x, 64, 3);
  x = maxPool(x);
  x = cbn(net, x, 80, 1, { padding: 'valid' });
  x = cbn(net, x, 192, 3, { padding: 'valid' });
  x = maxPool(x);
  // Mixed 5b (Inception-A).
  const a0 = cbn(net, x, 96, 1);
  const a1 = cbn(net, cbn(net, x, 48, 1), 64, 5);
  const a2 = cbn(net, cbn(net, cbn(net, x, 64, 1), 96, 3), 96, 3);
  const aPool = cbn(net, net.apply('AveragePooling2D', { strides: 1, padding: 'same' }, x, [3]), 64, 1);
  x = concat(net, [a0, a1, a2, aPool], 'mixed_5b');
  for (let i = 1; i <= 10; i++) x = inceptionResNetBlock(net, x, 'block35', i);
  // Mixed 6a (Reduction-A).
  const r0 = cbn(net, x, 384, 3, { strides: 2, padding: 'valid' });
  const r1 = cbn(net, cbn(net, cbn(net, x, 256, 1), 256, 3), 384, 3, { strides: 2, padding: 'valid' });
  x = concat(net, [r0, r1, net.apply('MaxPooling2D', { strides: 2, padding: 'valid' }, x, [3])], 'mixed_6a');
  for (let i = 1; i <= 20; i++) x = inceptionResNetBlock(net, x, 'block17', i);
  // Mixed 7a (Reduction-B).
  const s0 = cbn(net, cbn(net, x, 256, 1), 384, 3, { strides: 2, padding: 'valid' });
  const s1 = cbn(net, cbn(net, x, 256, 1), 288, 3, { strides: 2, padding: 'valid' });
  const s2 = cbn(net, cbn(net, cbn(net, x, 256, 1), 288, 3), 320, 3, { strides: 2, padding: 'valid' });
  x = concat(net, [s0, s1, s2, net.apply('MaxPooling2D', { strides: 2, padding: 'valid' }, x, [3])], 'mixed_7a');
  for (let i = 1; i <= 9; i++) x = inceptionResNetBlock(net, x, 'block8', i);
  x = inceptionResNetBlock(net, x, 'block8', 10, null);
  x = cbn(net, x, 1536, 1, { name: 'conv_7b' });
  x = classifierTop(net, a, x, { topPool: 'avg_pool' });
  return { img, out: x, name: a.strictName('inception_resnet_v2') };
}

export const INCEPTION_RESNET_FAMILIES: Record<string, Family> = {
  InceptionResNetV2: { params: COMMON_PARAMS, build: inceptionResNetV2 },
};
