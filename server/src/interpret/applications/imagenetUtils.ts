/**
 * What Keras's applications share in `keras/src/applications/imagenet_utils.py`:
 * `obtain_input_shape` (the input shape a network is built for, and its
 * checks), `correct_pad`, `validate_activation`, and `preprocess_input`.
 *
 * `preprocess_input` changes no shape, but on a symbolic tensor Keras's
 * `_preprocess_tensor_input` runs tensor ops that a functional model records
 * as rows, by mode: "tf" (`x / 127.5 - 1`), "torch" (`x / 255 + mean / std`),
 * "caffe" (RGB to BGR by three `x[..., i]` and a stack, `+ mean`).
 * EfficientNet, ConvNeXt and MobileNetV3 normalise inside the model: theirs
 * returns `x`.
 */

import { errorOf } from '../../shapes/errors';
import type { Shape } from '../../shapes/shape';
import type { PyNode as SyntaxNode } from '../../syntax/ast';
import { emitNode } from '../graph';
import type { KerasApi } from '../keras/api';
import { callOperator } from '../ops/operators';
import { callOp } from '../ops/ops';
import { kwarg, spanOf, UNKNOWN, type TensorObj, type Value } from '../values';
import type { AppArgs, ShapeArg } from './args';
import { AppRaise, AppUnknown, type Net } from './net';

/** `obtain_input_shape`: the input shape (without batch) the network is built for. */
export function obtainInputShape(
  net: Net,
  a: AppArgs,
  given: ShapeArg | null,
  defaultSize: number,
  minSize: number,
  requireFlatten: boolean,
): Array<number | null> {
  const weights = a.weights;
  const last = net.channelsLast;
  let dflt: number[];
  if (weights !== 'imagenet' && given && given.dims.length === 3) {
    const ch = (last ? given.dims[2] : given.dims[0]) as number;
    dflt = last ? [defaultSize, defaultSize, ch] : [ch, defaultSize, defaultSize];
  } else dflt = last ? [defaultSize, defaultSize, 3] : [3, defaultSize, defaultSize];
  if (weights === 'imagenet' && requireFlatten) {
    if (given && (given.list || given.dims.length !== 3 || given.dims.some((d, i) => d !== dflt[i]))) {
      throw new AppRaise(errorOf('includeTopInputShape', { expected: { dims: dflt, list: false }, given }));
    }
    return dflt;
  }
  let shape: Array<number | null>;
  if (given && given.dims.length > 0) {
    const g = given.dims;
    if (g.length !== 3) throw new AppRaise(errorOf('inputShapeThreeIntegers', {}));
    const channels = last ? g[2] : g[0];
    if (channels !== 3 && weights === 'imagenet')
      throw new AppRaise(errorOf('inputThreeChannels', { inputShape: { dims: g, list: given.list } }));
    const [r, c] = last ? [g[0], g[1]] : [g[1], g[2]];
    if ((r !== null && r < minSize) || (c !== null && c < minSize)) {
      throw new AppRaise(errorOf('inputMinSize', { min: minSize, inputShape: { dims: g, list: given.list } }));
    }
    shape = g;
  } else if (requireFlatten) shape = dflt;
  else shape = last ? [null, null, 3] : [3, null, null];
  if (requireFlatten && shape.includes(null)) {
    throw new AppRaise(errorOf('includeTopStaticShape', { inputShape: { dims: shape, list: given?.list ?? false } }));
  }
  return shape;
}

/** `correct_pad`: the zero padding before a strided 'valid' convolution. */
export function correctPad(net: Net, x: TensorObj, kernel: number): number[][] {
  const [r, c] = net.spatial(x);
  const adjust = r === null ? [1, 1] : [1 - (r % 2), 1 - ((c as number) % 2)];
  const k = Math.floor(kernel / 2);
  return [
    [k - adjust[0], k],
    [k - adjust[1], k],
  ];
}

/** `validate_activation`: with pretrained weights, only softmax or no activation; others are left unknown. */
export function validateActivation(a: AppArgs): void {
  if (a.weights === null) return;
  const v = a.raw('classifier_activation');
  if (!v || v.kind === 'none' || (v.kind === 'str' && (v.value === 'softmax' || v.value === 'linear'))) return;
  throw new AppUnknown('classifier_activation with pretrained weights');
}

const MODES: Record<string, 'tf' | 'torch' | 'caffe' | 'none'> = {
  xception: 'tf',
  mobilenet: 'tf',
  mobilenet_v2: 'tf',
  inception_v3: 'tf',
  resnet_v2: 'tf',
  inception_resnet_v2: 'tf',
  nasnet: 'tf',
  resnet: 'caffe',
  resnet50: 'caffe',
  vgg16: 'caffe',
  vgg19: 'caffe',
  densenet: 'torch',
  efficientnet: 'none',
  efficientnet_v2: 'none',
  convnext: 'none',
  mobilenet_v3: 'none',
};

/** `keras.applications.<module>.preprocess_input(x)`; undefined for a module not known here. */
export function preprocessInput(
  api: KerasApi,
  module: string,
  args: Value[],
  kwargs: Array<[string, Value]>,
  node: SyntaxNode,
): Value | undefined {
  let mode: (typeof MODES)[string] | undefined = MODES[module];
  if (module === 'imagenet_utils') {
    const m = args[2] ?? kwarg(kwargs, 'mode');
    mode = !m
      ? 'caffe'
      : m.kind === 'str' && ['tf', 'torch', 'caffe'].includes(m.value)
        ? (m.value as 'tf')
        : undefined;
  }
  if (!mode) return undefined;
  const x = args[0] ?? kwarg(kwargs, 'x') ?? UNKNOWN;
  const format = args[1] ?? kwarg(kwargs, 'data_format');
  if (x.kind === 'array' || mode === 'none') return x;
  // An explicit data_format: Keras checks it; not modelled.
  if (x.kind !== 'tensor' || !x.tensor.shape || (format && format.kind !== 'none')) return UNKNOWN;
  const channelsLast = api.options.imageDataFormat !== 'channels_first';
  const op = (sym: string, a: Value, b: Value): Value => callOperator(api, sym, a, b, node);
  const num = (value: number): Value => ({ kind: 'float', value });
  const array = (shape: Shape): Value => ({ kind: 'array', shape });
  const ndim = x.tensor.shape.length;
  if (mode === 'tf') return op('-', op('/', x, num(127.5)), num(1));
  if (mode === 'torch') {
    const scaled = op('+', op('/', x, num(255)), array(meanShape(ndim, channelsLast)));
    return op('/', scaled, array(channelsLast ? [3] : [3, 1, 1]));
  }
  return op('+', toBgr(api, x, channelsLast, node), array(meanShape(ndim, channelsLast)));
}

/** The shape the mean constant is reshaped to. */
function meanShape(ndim: number, channelsLast: boolean): Shape {
  if (channelsLast) return [...Array<number>(ndim - 1).fill(1), 3];
  return ndim === 3 ? [3, 1, 1] : [1, 3, ...Array<number>(ndim - 2).fill(1)];
}

/** Caffe's channel flip: `ops.stack([x[..., i] for i in (2, 1, 0)], axis=-1)` (or over the channel axis first). */
function toBgr(api: KerasApi, x: Value & { kind: 'tensor' }, channelsLast: boolean, node: SyntaxNode): Value {
  const shape = x.tensor.shape!;
  const axis = channelsLast ? shape.length - 1 : shape.length === 3 ? 0 : 1;
  const sliced = shape.filter((_, i) => i !== axis);
  const channels = [2, 1, 0].map((): Value => {
    const item = api.makeOp('GetItem', spanOf(node));
    item.outputShapes = [sliced];
    item.callSpans.push({
      seq: api.nextSeq(),
      span: item.span,
      outputs: item.outputShapes,
      single: true,
      inputs: [shape],
    });
    return emitNode(item, [x.tensor], [sliced], true);
  });
  return callOp(
    api,
    'stack',
    [{ kind: 'list', items: channels }],
    [['axis', { kind: 'int', value: channelsLast ? -1 : axis }]],
    node,
  );
}
