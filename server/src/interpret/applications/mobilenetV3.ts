/**
 * MobileNetV3Small and MobileNetV3Large as `keras/src/applications/
 * mobilenet_v3.py` builds them: no `obtain_input_shape` (without
 * `input_shape` the input is `(None, None, 3)`, even with the classifier,
 * whose pooling keeps its axes), a `Rescaling` stem unless
 * `include_preprocessing=False`, inverted residual blocks whose activations
 * are unnamed layers (`re_lu`, `activation` counters) and whose hard sigmoid
 * is `ReLU(6.0)(x + 3.0) * (1.0 / 6.0)`: two raw ops (`add`, `multiply`
 * counters) that summaries list as rows.
 */

import { errorOf } from '../../shapes/errors';
import type { InputShapeArg } from '../../shapes/messages/applications';
import type { Shape } from '../../shapes/shape';
import type { TensorObj } from '../values';
import type { Family } from './applications';
import type { AppArgs } from './args';
import { correctPad, validateActivation } from './imagenetUtils';
import { makeDivisible } from './mobilenet';
import { AppRaise, AppUnknown, float, type Net } from './net';

type Activation = (net: Net, x: TensorObj) => TensorObj;

const relu: Activation = (net, x) => net.apply('ReLU', {}, x);
const hardSwish: Activation = (net, x) => net.apply('Activation', {}, x, ['hard_swish']);

/** `hard_sigmoid`: the ReLU is made before the `x + 3.0` it is called on. */
function hardSigmoid(net: Net, x: TensorObj): TensorObj {
  const relu6 = net.layer('ReLU', {}, [float(6)]);
  return net.op('Multiply', [net.call(relu6, net.op('Add', [x]))]);
}

/** `_depth`: `_make_divisible` with divisor 8. */
const depth = (v: number): number => makeDivisible(v, 8);

function bn(net: Net, x: TensorObj, name: string): TensorObj {
  return net.apply('BatchNormalization', { axis: net.channelAxis, epsilon: 1e-3, momentum: 0.999, name }, x);
}

function seBlock(net: Net, inputs: TensorObj, filters: number, seRatio: number, prefix: string): TensorObj {
  let x = net.apply('GlobalAveragePooling2D', { keepdims: true, name: `${prefix}squeeze_excite_avg_pool` }, inputs);
  x = net.apply('Conv2D', { kernel_size: 1, padding: 'same', name: `${prefix}squeeze_excite_conv` }, x, [
    depth(filters * seRatio),
  ]);
  x = net.apply('ReLU', { name: `${prefix}squeeze_excite_relu` }, x);
  x = net.apply('Conv2D', { kernel_size: 1, padding: 'same', name: `${prefix}squeeze_excite_conv_1` }, x, [filters]);
  x = hardSigmoid(net, x);
  return net.apply('Multiply', { name: `${prefix}squeeze_excite_mul` }, [inputs, x]);
}

/** `_inverted_res_block`: `expansion` is multiplied by the input channels as Keras does (`72.0 / 16` stays a float). */
function invertedRes(
  net: Net,
  x: TensorObj,
  expansion: number,
  filters: number,
  kernel: number,
  stride: number,
  seRatio: number | null,
  act: Activation,
  id: number,
): TensorObj {
  const shortcut = x;
  const inFilters = net.channels(x);
  let prefix = 'expanded_conv_';
  if (id) {
    prefix = `expanded_conv_${id}_`;
    x = net.apply('Conv2D', { kernel_size: 1, padding: 'same', use_bias: false, name: `${prefix}expand` }, x, [
      depth(inFilters * expansion),
    ]);
    x = act(net, bn(net, x, `${prefix}expand_bn`));
  }
  if (stride === 2)
    x = net.apply('ZeroPadding2D', { padding: correctPad(net, x, kernel), name: `${prefix}depthwise_pad` }, x);
  x = net.apply(
    'DepthwiseConv2D',
    { strides: stride, padding: stride === 1 ? 'same' : 'valid', use_bias: false, name: `${prefix}depthwise` },
    x,
    [kernel],
  );
  x = act(net, bn(net, x, `${prefix}depthwise_bn`));
  if (seRatio) x = seBlock(net, x, depth(inFilters * expansion), seRatio, prefix);
  x = net.apply('Conv2D', { kernel_size: 1, padding: 'same', use_bias: false, name: `${prefix}project` }, x, [filters]);
  x = bn(net, x, `${prefix}project_bn`);
  if (stride === 1 && inFilters === filters) x = net.apply('Add', { name: `${prefix}add` }, [shortcut, x]);
  return x;
}

/**
 * One block of a stack: expansion, filters (before `alpha`), kernel (null:
 * the model's, 5 or 3 when minimalistic), stride, whether it takes the
 * model's squeeze-and-excite, and whether it takes the model's activation
 * (else ReLU).
 */
type BlockSpec = [number, number, number | null, number, boolean, boolean];

const SMALL: BlockSpec[] = [
  [1, 16, 3, 2, true, false],
  [72.0 / 16, 24, 3, 2, false, false],
  [88.0 / 24, 24, 3, 1, false, false],
  [4, 40, null, 2, true, true],
  [6, 40, null, 1, true, true],
  [6, 40, null, 1, true, true],
  [3, 48, null, 1, true, true],
  [3, 48, null, 1, true, true],
  [6, 96, null, 2, true, true],
  [6, 96, null, 1, true, true],
  [6, 96, null, 1, true, true],
];

const LARGE: BlockSpec[] = [
  [1, 16, 3, 1, false, false],
  [4, 24, 3, 2, false, false],
  [3, 24, 3, 1, false, false],
  [3, 40, null, 2, true, false],
  [3, 40, null, 1, true, false],
  [3, 40, null, 1, true, false],
  [6, 80, 3, 2, false, true],
  [2.5, 80, 3, 1, false, true],
  [2.3, 80, 3, 1, false, true],
  [2.3, 80, 3, 1, false, true],
  [6, 112, 3, 1, true, true],
  [6, 112, 3, 1, true, true],
  [6, 160, null, 2, true, true],
  [6, 160, null, 1, true, true],
  [6, 160, null, 1, true, true],
];

const PARAMS = [
  'input_shape',
  'alpha',
  'minimalistic',
  'include_top',
  'weights',
  'input_tensor',
  'classes',
  'pooling',
  'dropout_rate',
  'classifier_activation',
  'include_preprocessing',
  'name',
];

/** A Keras tensor's shape as an argument prints (a tuple). */
function tensorShapeArg(s: Shape): InputShapeArg {
  if (s.includes('?')) throw new AppUnknown('input_tensor shape not known');
  return { dims: s as Array<number | null>, list: false };
}

/** The input shape Keras checks: `input_shape`, else the one it makes up from `input_tensor` (rows and cols swapped, as Keras swaps them). */
function checkedInputShape(net: Net, a: AppArgs): InputShapeArg {
  const given = a.inputShape;
  const t = a.inputTensor;
  if (given && given.dims.length !== 3) throw new AppUnknown('input_shape not of rank 3');
  if (given && t) {
    const ts = t.shape!;
    const ti = net.channelsLast ? 2 : 1;
    if (ts[ti] === '?') throw new AppUnknown('input_tensor shape not known');
    if (ts[ti] !== given.dims[1]) {
      const channelsLast = net.channelsLast;
      throw new AppRaise(
        errorOf('mobilenetV3InputTensor', { channelsLast, inputShape: given, tensorShape: tensorShapeArg(ts) }),
      );
    }
  }
  if (given) return { dims: given.dims, list: given.list };
  if (t) {
    const [rows, cols] = net.spatial(t);
    return { dims: net.channelsLast ? [cols, rows, 3] : [3, cols, rows], list: false };
  }
  return { dims: net.channelsLast ? [null, null, 3] : [3, null, null], list: false };
}

function mobileNetV3(stack: BlockSpec[], lastPointChannels: number, dfltName: string) {
  return (net: Net, a: AppArgs) => {
    const alpha = a.num('alpha', 1.0);
    const minimalistic = a.bool('minimalistic', false);
    const includeTop = a.includeTop;
    const classes = a.classes;
    if (a.weights === 'imagenet' && includeTop && classes !== 1000)
      throw new AppRaise(errorOf('imagenetClassesMobileNetV3', { classes }));
    const shape = checkedInputShape(net, a);
    const [rows, cols] = net.channelsLast ? [shape.dims[0], shape.dims[1]] : [shape.dims[1], shape.dims[2]];
    if (rows && cols && (rows < 32 || cols < 32))
      throw new AppRaise(errorOf('mobilenetV3MinSize', { inputShape: shape }));
    if (
      a.weights === 'imagenet' &&
      ((!minimalistic && alpha !== 0.75 && alpha !== 1.0) || (minimalistic && alpha !== 1.0))
    ) {
      throw new AppRaise(errorOf('mobilenetV3Alpha', {}));
    }
    const name = a.strictName(dfltName);
    const img = a.inputTensor ?? net.input(shape.dims as Shape);
    const [kernel, act, seRatio]: [number, Activation, number | null] = minimalistic
      ? [3, relu, null]
      : [5, hardSwish, 0.25];
    let x = img;
    if (a.bool('include_preprocessing', true)) x = net.apply('Rescaling', { scale: 1.0 / 127.5, offset: float(-1) }, x);
    x = net.apply(
      'Conv2D',
      { kernel_size: 3, strides: [2, 2], padding: 'same', use_bias: false, name: 'conv' },
      x,
      [16],
    );
    x = act(net, bn(net, x, 'conv_bn'));
    stack.forEach(([expansion, filters, k, stride, se, own], id) => {
      x = invertedRes(
        net,
        x,
        expansion,
        depth(filters * alpha),
        k ?? kernel,
        stride,
        se ? seRatio : null,
        own ? act : relu,
        id,
      );
    });
    const lastConv = depth(net.channels(x) * 6);
    const lastPoint = alpha > 1.0 ? depth(lastPointChannels * alpha) : lastPointChannels;
    x = net.apply('Conv2D', { kernel_size: 1, padding: 'same', use_bias: false, name: 'conv_1' }, x, [lastConv]);
    x = act(net, bn(net, x, 'conv_1_bn'));
    if (includeTop) {
      x = net.apply('GlobalAveragePooling2D', { keepdims: true }, x);
      x = net.apply('Conv2D', { kernel_size: 1, padding: 'same', use_bias: true, name: 'conv_2' }, x, [lastPoint]);
      x = act(net, x);
      const dropout = a.num('dropout_rate', 0.2);
      if (dropout > 0) x = net.apply('Dropout', {}, x, [dropout]);
      x = net.apply('Conv2D', { kernel_size: 1, padding: 'same', name: 'logits' }, x, [classes]);
      x = net.apply('Flatten', {}, x);
      validateActivation(a);
      x = net.apply('Activation', { activation: a.classifierActivation, name: 'predictions' }, x);
    } else {
      const pooling = a.pooling;
      if (pooling === 'avg') x = net.apply('GlobalAveragePooling2D', { name: 'avg_pool' }, x);
      else if (pooling === 'max') x = net.apply('GlobalMaxPooling2D', { name: 'max_pool' }, x);
    }
    return { img, out: x, name };
  };
}

export const MOBILENET_V3_FAMILIES: Record<string, Family> = {
  MobileNetV3Small: { params: PARAMS, build: mobileNetV3(SMALL, 1024, 'MobileNetV3Small') },
  MobileNetV3Large: { params: PARAMS, build: mobileNetV3(LARGE, 1280, 'MobileNetV3Large') },
};
