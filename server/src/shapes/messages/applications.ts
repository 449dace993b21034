/**
 * Errors of `keras.applications` (the interpreter's `applications/` wing):
 * each network's own argument checks, worded as its module in Keras words
 * them (the modules differ in quotes, spacing and what they print), and
 * `imagenet_utils.obtain_input_shape`'s.
 */

import { formatShape, type Shape } from '../shape';
import { floatRepr, tupleText } from '../python/text';
import { message } from './define';

/** An `input_shape` argument as written: its sizes, and whether it was a list. */
export interface InputShapeArg {
  dims: Array<number | null>;
  list: boolean;
}

/** `input_shape` as Python prints it: `(224, 224, 3)`, `[None, None, 3]`. */
export function inputShapeRepr(s: InputShapeArg): string {
  const items = s.dims.map((d) => (d === null ? 'None' : String(d)));
  return s.list ? `[${items.join(', ')}]` : tupleText(items);
}

/** A number argument: its value, and whether Python has it as a float. */
export interface NumArg {
  value: number;
  float: boolean;
}

const num = (n: NumArg): string => (n.float ? floatRepr(n.value) : String(n.value));

/** The networks that refuse `channels_first`, by the name their message gives. */
type ChannelsLastOnly = 'NASNet' | 'ConvNeXt' | 'DenseNet';

export const applicationMessages = {
  // ------------------------------------------------ classes with imagenet weights and the top, per module's wording
  /** resnet, vgg16/19, xception, mobilenet (v1). */
  imagenetClasses: message(
    'ValueError',
    (d: { classes: number }) =>
      `If using \`weights='imagenet'\` with \`include_top=True\`, \`classes\` should be 1000.  Received classes=${d.classes}`,
  ),
  /** efficientnet, efficientnet_v2. */
  imagenetClassesEfficientNet: message(
    'ValueError',
    (_: { classes: number }) => 'If using `weights="imagenet"` with `include_top` as true, `classes` should be 1000',
  ),
  /** densenet, nasnet. */
  imagenetClassesDenseNet: message(
    'ValueError',
    (_: { classes: number }) =>
      'If using `weights` as `"imagenet"` with `include_top` as true, `classes` should be 1000',
  ),
  /** convnext, inception_v3, inception_resnet_v2. */
  imagenetClassesConvNeXt: message(
    'ValueError',
    (d: { classes: number }) =>
      `If using \`weights="imagenet"\` with \`include_top=True\`, \`classes\` should be 1000. Received classes=${d.classes}`,
  ),
  imagenetClassesMobileNetV2: message(
    'ValueError',
    (d: { classes: number }) =>
      `If using \`weights="imagenet"\` with \`include_top\` as true, \`classes\` should be 1000. Received \`classes=${d.classes}\``,
  ),
  imagenetClassesMobileNetV3: message(
    'ValueError',
    (d: { classes: number }) =>
      `If using \`weights="imagenet"\` with \`include_top\` as true, \`classes\` should be 1000.  Received classes=${d.classes}`,
  ),

  // ------------------------------------------------ the networks' own checks
  channelsFirstUnsupported: message(
    'ValueError',
    (d: { network: ChannelsLastOnly }) =>
      `${d.network} does not support the \`channels_first\` image data format. Switch to \`channels_last\` by editing your local config file at ~/.keras/keras.json`,
  ),
  nasnetStaticShape: message(
    'ValueError',
    (d: { inputShape: InputShapeArg }) =>
      `When specifying the input shape of a NASNet and loading \`ImageNet\` weights, the input_shape argument must be static (no None entries). Got: \`input_shape=${inputShapeRepr(d.inputShape)}\`.`,
  ),
  convnextNameVariant: message(
    'ValueError',
    (d: { name: string; weights: string }) =>
      `Model name "${d.name}" does not match weights variant "${d.weights}". When using imagenet weights, model name must contain the weights variant (e.g., "convnext_${d.weights.split('convnext_').pop()}").`,
  ),
  mobilenetDepthMultiplier: message(
    'ValueError',
    (d: { depthMultiplier: NumArg }) =>
      `If imagenet weights are being loaded, depth multiplier must be 1.  Received depth_multiplier=${num(d.depthMultiplier)}`,
  ),
  mobilenetAlpha: message(
    'ValueError',
    (d: { alpha: NumArg }) =>
      `If imagenet weights are being loaded, alpha can be one of\`0.25\`, \`0.50\`, \`0.75\` or \`1.0\` only.  Received alpha=${num(d.alpha)}`,
  ),
  mobilenetV2Alpha: message(
    'ValueError',
    (d: { alpha: NumArg }) =>
      `If imagenet weights are being loaded, alpha must be one of \`0.35\`, \`0.50\`, \`0.75\`, \`1.0\`, \`1.3\` or \`1.4\` only; Received \`alpha=${num(d.alpha)}\``,
  ),
  /** MobileNetV2: `input_tensor`'s size against `input_shape[1]`. */
  mobilenetV2InputTensor: message(
    'ValueError',
    (d: { channelsLast: boolean; tensorShape: Shape; inputShape: InputShapeArg }) =>
      `${
        d.channelsLast
          ? 'input_tensor.shape[2] must equal input_shape[1]; Received `input_tensor.shape='
          : 'input_shape[1] must equal shape(input_tensor)[1] when `image_data_format` is `channels_first`; Received `input_tensor.shape='
      }${formatShape(d.tensorShape)}\`, \`input_shape=${inputShapeRepr(d.inputShape)}\``,
  ),
  mobilenetV3Alpha: message(
    'ValueError',
    (_: object) =>
      'If imagenet weights are being loaded, alpha can be one of `0.75`, `1.0` for non minimalistic or `1.0` for minimalistic only.',
  ),
  /** MobileNetV3: `input_shape[1]` against `input_tensor`'s size. */
  mobilenetV3InputTensor: message(
    'ValueError',
    (d: { channelsLast: boolean; inputShape: InputShapeArg; tensorShape: InputShapeArg }) =>
      d.channelsLast
        ? `input_shape[1] must equal input_tensor.shape[2].  Received input_shape=${inputShapeRepr(d.inputShape)}, input_tensor.shape=${inputShapeRepr(d.tensorShape)}`
        : `When backend.image_data_format()=channels_first, input_shape[1] must equal input_tensor.shape[1].  Received input_shape=${inputShapeRepr(d.inputShape)}, input_tensor.shape=${inputShapeRepr(d.tensorShape)}`,
  ),
  mobilenetV3MinSize: message(
    'ValueError',
    (d: { inputShape: InputShapeArg }) =>
      `Input size must be at least 32x32; Received \`input_shape=${inputShapeRepr(d.inputShape)}\``,
  ),

  // ------------------------------------------------ imagenet_utils.obtain_input_shape
  includeTopInputShape: message(
    'ValueError',
    (d: { expected: InputShapeArg; given: InputShapeArg }) =>
      `When setting \`include_top=True\` and loading \`imagenet\` weights, \`input_shape\` should be ${inputShapeRepr(d.expected)}.  Received: input_shape=${inputShapeRepr(d.given)}`,
  ),
  inputShapeThreeIntegers: message('ValueError', (_: object) => '`input_shape` must be a tuple of three integers.'),
  inputThreeChannels: message(
    'ValueError',
    (d: { inputShape: InputShapeArg }) =>
      `The input must have 3 channels; Received \`input_shape=${inputShapeRepr(d.inputShape)}\``,
  ),
  inputMinSize: message(
    'ValueError',
    (d: { min: number; inputShape: InputShapeArg }) =>
      `Input size must be at least ${d.min}x${d.min}; Received: input_shape=${inputShapeRepr(d.inputShape)}`,
  ),
  includeTopStaticShape: message(
    'ValueError',
    (d: { inputShape: InputShapeArg }) =>
      `If \`include_top\` is True, you should specify a static \`input_shape\`. Received: input_shape=${inputShapeRepr(d.inputShape)}`,
  ),
};
