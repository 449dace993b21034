/**
 * `keras.applications.<module>.preprocess_input`: no change of shape, but
 * on a symbolic tensor Keras's `imagenet_utils._preprocess_tensor_input`
 * runs tensor ops that a functional model records as rows, by mode:
 * "tf" (`x / 127.5 - 1`), "torch" (`x / 255 + mean / std`), "caffe" (RGB to
 * BGR by three `x[..., i]` and a stack, `+ mean`). EfficientNet, ConvNeXt and
 * MobileNetV3 normalise inside the model: theirs returns `x`.
 */

import type { Shape } from '../shapes/shape';
import type { PyNode as SyntaxNode } from '../syntax/ast';
import type { KerasApi } from './kerasApi';
import { callOperator } from './ops/operators';
import { callOp } from './ops/ops';
import { kwarg, spanOf, UNKNOWN, type Value } from './values';

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
    return api.emitNode(item, [x.tensor], [sliced], true);
  });
  return callOp(
    api,
    'stack',
    [{ kind: 'list', items: channels }],
    [['axis', { kind: 'int', value: channelsLast ? -1 : axis }]],
    node,
  );
}
