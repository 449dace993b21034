/**
 * ConvNeXtTiny, Small, Base, Large and XLarge as `keras/src/applications/
 * convnext.py` builds them (channels_last only): a Normalization of fixed
 * mean and variance (no weights) for 3-channel inputs, the stem and the
 * three downsampling steps as nested `Sequential` models (one row each;
 * each builds an InputLayer and a Functional of its own, which draw the
 * file's `input_layer` and `functional` counters), and ConvNeXt blocks
 * whose residual is a raw `inputs + x` (an `add` op row). Every layer name
 * starts with the model's name.
 *
 * `LayerScale` (a learned per-channel scale) is built as a
 * LayerNormalization without offset: the same shape and the same one weight
 * of `projection_dim` values. Stochastic depth is off in every variant, so
 * each block ends with its `Activation("linear")`.
 */

import { errorOf } from '../../shapes/errors';
import type { TensorObj } from '../values';
import type { Family } from './applications';
import { type AppArgs, imageInput } from './args';
import { obtainInputShape, validateActivation } from './imagenetUtils';
import { AppRaise, type Net } from './net';

const PARAMS = [
  'include_top',
  'include_preprocessing',
  'weights',
  'input_tensor',
  'input_shape',
  'pooling',
  'classes',
  'classifier_activation',
  'name',
];

const EPS = 1e-6;

/** `ConvNeXtBlock`: a 7x7 depthwise (grouped) convolution, then an inverted bottleneck of Dense layers, scaled, added to the input. */
function convNeXtBlock(net: Net, inputs: TensorObj, dim: number, name: string): TensorObj {
  let x = net.apply(
    'Conv2D',
    { filters: dim, kernel_size: 7, padding: 'same', groups: dim, name: `${name}_depthwise_conv` },
    inputs,
  );
  x = net.apply('LayerNormalization', { epsilon: EPS, name: `${name}_layernorm` }, x);
  x = net.apply('Dense', { name: `${name}_pointwise_conv_1` }, x, [4 * dim]);
  x = net.apply('Activation', { name: `${name}_gelu` }, x, ['gelu']);
  x = net.apply('Dense', { name: `${name}_pointwise_conv_2` }, x, [dim]);
  x = net.call(net.layer('LayerNormalization', { center: false, name: `${name}_layer_scale` }, [], 'LayerScale'), x);
  x = net.apply('Activation', { name: `${name}_identity` }, x, ['linear']);
  return net.op('Add', [inputs, x]);
}

function convNeXt(depths: number[], dims: number[], weightsName: string) {
  return (net: Net, a: AppArgs) => {
    if (!net.channelsLast) throw new AppRaise(errorOf('channelsFirstUnsupported', { network: 'ConvNeXt' }));
    if (a.weights === 'imagenet' && a.includeTop && a.classes !== 1000)
      throw new AppRaise(errorOf('imagenetClassesConvNeXt', { classes: a.classes }));
    const name = a.strictName(weightsName);
    const shape = obtainInputShape(net, a, a.inputShape, 224, 32, a.includeTop);
    const img = imageInput(net, a, shape);
    let x = img;
    if (a.bool('include_preprocessing', true) && shape[2] === 3) {
      const mean = [0.485 * 255, 0.456 * 255, 0.406 * 255];
      const variance = [(0.229 * 255) ** 2, (0.224 * 255) ** 2, (0.225 * 255) ** 2];
      x = net.apply('Normalization', { mean, variance, name: `${name}_prestem_normalization` }, x);
    }
    // All four Sequentials (and their layers) are made before any is called.
    const stem = [
      net.layer('Conv2D', { kernel_size: 4, strides: 4, name: `${name}_stem_conv` }, [dims[0]]),
      net.layer('LayerNormalization', { epsilon: EPS, name: `${name}_stem_layernorm` }),
    ];
    const downsampling = [0, 1, 2].map((i) => [
      net.layer('LayerNormalization', { epsilon: EPS, name: `${name}_downsampling_layernorm_${i}` }),
      net.layer('Conv2D', { kernel_size: 2, strides: 2, name: `${name}_downsampling_conv_${i}` }, [dims[i + 1]]),
    ]);
    depths.forEach((n, i) => {
      x =
        i === 0
          ? net.sequential(`${name}_stem`, stem, x)
          : net.sequential(`${name}_downsampling_block_${i - 1}`, downsampling[i - 1], x);
      for (let j = 0; j < n; j++) x = convNeXtBlock(net, x, dims[i], `${name}_stage_${i}_block_${j}`);
    });
    if (a.includeTop) {
      validateActivation(a);
      x = net.apply('GlobalAveragePooling2D', { name: `${name}_head_gap` }, x);
      x = net.apply('LayerNormalization', { epsilon: EPS, name: `${name}_head_layernorm` }, x);
      x = net.apply('Dense', { activation: a.classifierActivation, name: `${name}_head_dense` }, x, [a.classes]);
    } else {
      const pooling = a.pooling;
      if (pooling === 'avg') x = net.apply('GlobalAveragePooling2D', {}, x);
      else if (pooling === 'max') x = net.apply('GlobalMaxPooling2D', {}, x);
      x = net.apply('LayerNormalization', { epsilon: EPS }, x);
    }
    // Checked once the model is built, before the weights are loaded.
    if (a.weights === 'imagenet' && !name.includes(weightsName)) {
      throw new AppRaise(errorOf('convnextNameVariant', { name, weights: weightsName }));
    }
    return { img, out: x, name };
  };
}

const SMALL_DEPTHS = [3, 3, 27, 3];

export const CONVNEXT_FAMILIES: Record<string, Family> = {
  ConvNeXtTiny: { params: PARAMS, build: convNeXt([3, 3, 9, 3], [96, 192, 384, 768], 'convnext_tiny') },
  ConvNeXtSmall: { params: PARAMS, build: convNeXt(SMALL_DEPTHS, [96, 192, 384, 768], 'convnext_small') },
  ConvNeXtBase: { params: PARAMS, build: convNeXt(SMALL_DEPTHS, [128, 256, 512, 1024], 'convnext_base') },
  ConvNeXtLarge: { params: PARAMS, build: convNeXt(SMALL_DEPTHS, [192, 384, 768, 1536], 'convnext_large') },
  ConvNeXtXLarge: { params: PARAMS, build: convNeXt(SMALL_DEPTHS, [256, 512, 1024, 2048], 'convnext_xlarge') },
};
