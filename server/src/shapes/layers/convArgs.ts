/**
 * Argument readers shared by the convolution and pooling families, written
 * to keep Python's value semantics where Keras keeps them: numbers stay
 * floats where Python has them as floats (pooling arithmetic accepts a
 * float, a weight shape does not), and a weight's shape is checked as
 * `add_weight` checks it.
 */

import type { Args } from '../args';
import { cannotTell, raise } from '../errors';
import { asPyNum, numValue, type PyNum } from '../python/numbers';
import type { LayerRule } from '../rule';
import type { Dim, Shape } from '../shape';
import { shapeTuple } from '../messages/base';
import { pyTypeName, type PyValue } from '../values';

/**
 * A scalar argument Keras compares with `<= 0` (`filters`, `groups`,
 * `depth_multiplier`): a number, or null for None where `allowNone`
 * (Keras skips the check for None and fails later, in `build`).
 */
export function numberArg(a: Args, name: string, allowNone: boolean): PyNum | null {
  const v = a.known(name);
  if (v.kind === 'none' && allowNone) return null;
  if (v.kind === 'object') cannotTell(`\`${name}\` is an object the source does not describe`);
  const num = asPyNum(v);
  if (num === null) raise('notOrderable', { op: '<=', left: pyTypeName(v), right: 'int' });
  return num;
}

/** Padding after `standardize_padding`: lists and tuples pass through unchecked until `call`. */
export type ConvPadding = 'valid' | 'same' | 'causal' | { value: PyValue };

/** `keras.src.utils.argument_validation.standardize_padding`. */
export function convPadding(a: Args, allowCausal: boolean): ConvPadding {
  const v = a.known('padding');
  if (v.kind === 'tuple' || v.kind === 'list') return { value: v };
  if (v.kind !== 'str') raise('noAttribute', { type: pyTypeName(v), attribute: 'lower' });
  const s = v.value.toLowerCase();
  const allowed = allowCausal ? ['valid', 'same', 'causal'] : ['valid', 'same'];
  if (!allowed.includes(s)) raise('paddingArgInvalid', { padding: s, allowCausal });
  return s as 'valid' | 'same' | 'causal';
}

/** One dimension of a weight shape: a Python number, or an input dimension. */
export type WeightDim = PyNum | Dim;

/**
 * A weight's shape, raising as `add_weight` does for a None or float
 * dimension ('?' passes: the parameter count becomes unknown).
 */
export function weightShape(layer: string, weight: string, dims: WeightDim[]): Shape {
  const shape = shapeTuple(dims.map((d) => (d !== null && typeof d === 'object' ? numValue(d) : d)));
  const out: Shape = [];
  for (const d of dims) {
    if (d === null) raise('variableShapeUndefined', { shape, path: `${layer}/${weight}` });
    if (typeof d === 'object') {
      if (d.isFloat) raise('shapeInvalidDimension', { shape, dim: numValue(d) });
      out.push(d.value);
    } else {
      out.push(d);
    }
  }
  return out;
}

/** Python `a * b` where b is an input dimension: None raises TypeError, '?' stays '?'. */
export function mulDim(a: PyNum | null, b: Dim): WeightDim {
  if (a === null || b === null) {
    const left = a === null ? 'NoneType' : a.isFloat ? 'float' : 'int';
    raise('unsupportedOperand', { op: '*', left, right: b === null ? 'NoneType' : 'int' });
  }
  if (b === '?') return '?';
  return { value: a.value * b, isFloat: a.isFloat };
}

/** The channel axis of an input: last for channels_last, 1 for channels_first. */
export function channelOf(shape: Shape, dataFormat: 'channels_last' | 'channels_first'): Dim {
  return dataFormat === 'channels_last' ? shape[shape.length - 1] : shape[1];
}

/** The spatial dimensions of an input (between batch and channels). */
export function spatialOf(shape: Shape, dataFormat: 'channels_last' | 'channels_first'): Dim[] {
  return dataFormat === 'channels_last' ? shape.slice(1, -1) : shape.slice(2);
}

/** Reassembles batch, spatial dims and channels in the layer's data format. */
export function withChannels(
  batch: Dim,
  spatial: Dim[],
  channels: Dim,
  dataFormat: 'channels_last' | 'channels_first',
): Shape {
  return dataFormat === 'channels_last' ? [batch, ...spatial, channels] : [batch, channels, ...spatial];
}

/**
 * What `Layer.__init__` itself checks and means, for the keywords every
 * layer takes: `name` must be a string without '/', `trainable` a bool, and
 * `trainable=False` makes every weight non-trainable. (The base runs before
 * the leaf's own checks, so this wraps `construct`.)
 */
export function withBaseLayer(rule: LayerRule): LayerRule {
  return {
    ...rule,
    construct(a, ctx) {
      checkBaseLayerArgs(a);
      return rule.construct ? rule.construct(a, ctx) : undefined;
    },
    call(a, inputs, ctx, state) {
      const result = rule.call(a, inputs, ctx, state);
      if (!layerTrainable(a)) result.weights = result.weights.map((w) => ({ ...w, trainable: false }));
      return result;
    },
  };
}

function checkBaseLayerArgs(a: Args): void {
  const name = a.given('name') ? a.known('name') : null;
  if (name && name.kind !== 'none' && (name.kind !== 'str' || name.value.includes('/')))
    raise('layerNameInvalid', { name });
  layerTrainable(a);
}

function layerTrainable(a: Args): boolean {
  if (!a.given('trainable')) return true;
  const v = a.known('trainable');
  if (v.kind !== 'bool') raise('layerTrainableNotBool', { trainable: v });
  return v.value;
}
