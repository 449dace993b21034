/**
 * Argument readers shared by the convolution and pooling families, written
 * to keep Python's value semantics where Keras keeps them.
 *
 * Keras's `standardize_tuple` validates items with `int(x)` but keeps the
 * original values: a float stays a float (pooling arithmetic accepts it, a
 * weight shape does not), and a numeric string fails later at `x <= 0`. The
 * shared `standardizeTuple` in args.ts truncates floats and parses strings,
 * so these families use the readers below instead.
 */

import type { Args } from '../args';
import { sequenceItems } from '../args';
import { cannotTell, raise } from '../errors';
import type { LayerRule } from '../rule';
import type { Dim, Shape } from '../shape';
import { shapeTuple } from '../messages/base';
import { pyTypeName, type PyValue } from '../values';

/** A Python number as Keras holds it: its value, and whether it is a float. */
export interface PyNum {
  n: number;
  float: boolean;
}

export function pyInt(n: number): PyNum {
  return { n, float: false };
}

function numOf(v: PyValue): PyNum | null {
  if (v.kind === 'int') return { n: v.value, float: false };
  if (v.kind === 'bool') return { n: Number(v.value), float: false };
  if (v.kind === 'float') return { n: v.value, float: true };
  return null;
}

/** The Python value of a number Keras holds, for messages. */
export function pyNum(x: PyNum): PyValue {
  return x.float ? { kind: 'float', value: x.n } : { kind: 'int', value: x.n };
}

/**
 * `keras.src.utils.argument_validation.standardize_tuple`, keeping item
 * values as Python does (see the header comment).
 */
export function kerasTuple(v: PyValue, n: number, name: string, allowZero = false): PyNum[] {
  // An object the interpreter only named (a NumPy integer, say) may well be valid.
  if (v.kind === 'unknown' || v.kind === 'object') cannotTell(`\`${name}\` is not known statically`);
  let out: PyNum[];
  if (v.kind === 'int' || v.kind === 'bool') {
    out = new Array(n).fill(numOf(v));
  } else {
    // `tuple(value)`: sequences give their items, a string its characters.
    const items =
      sequenceItems(v) ?? (v.kind === 'str' ? [...v.value].map((c): PyValue => ({ kind: 'str', value: c })) : null);
    if (v.kind === 'dict') cannotTell(`\`${name}\` is a dict`);
    if (items === null || items.length !== n) raise('tupleArgInvalid', { name, n, value: v });
    out = items.map((x) => {
      if (x.kind === 'unknown' || x.kind === 'object') cannotTell(`\`${name}\` is not known statically`);
      const num = numOf(x);
      if (num !== null) return num;
      if (x.kind === 'str' && /^\s*[-+]?\d+\s*$/.test(x.value)) {
        // int('3') succeeds, then `'3' <= 0` fails: Python raises TypeError.
        raise('notOrderable', { op: allowZero ? '<' : '<=', left: 'str', right: 'int' });
      }
      raise('tupleArgItemInvalid', { name, n, value: v, item: x });
    });
  }
  const bad = out.filter((x) => (allowZero ? x.n < 0 : x.n <= 0)).map(pyNum);
  if (bad.length > 0) raise('tupleArgItemsNotPositive', { name, n, value: v, bad, allowZero });
  return out;
}

/**
 * A scalar argument Keras compares with `<= 0` (`filters`, `groups`,
 * `depth_multiplier`): a number, or null for None where `allowNone`
 * (Keras skips the check for None and fails later, in `build`).
 */
export function numberArg(a: Args, name: string, allowNone: boolean): PyNum | null {
  const v = a.known(name);
  if (v.kind === 'none' && allowNone) return null;
  if (v.kind === 'object') cannotTell(`\`${name}\` is an object the source does not describe`);
  const num = numOf(v);
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
  const shape = shapeTuple(dims.map((d) => (d !== null && typeof d === 'object' ? pyNum(d) : d)));
  const out: Shape = [];
  for (const d of dims) {
    if (d === null) raise('variableShapeUndefined', { shape, path: `${layer}/${weight}` });
    if (typeof d === 'object') {
      if (d.float) raise('shapeInvalidDimension', { shape, dim: pyNum(d) });
      out.push(d.n);
    } else {
      out.push(d);
    }
  }
  return out;
}

/** Python `a * b` where b is an input dimension: None raises TypeError, '?' stays '?'. */
export function mulDim(a: PyNum | null, b: Dim): WeightDim {
  if (a === null || b === null) {
    const left = a === null ? 'NoneType' : a.float ? 'float' : 'int';
    raise('unsupportedOperand', { op: '*', left, right: b === null ? 'NoneType' : 'int' });
  }
  if (b === '?') return '?';
  return { n: a.n * b, float: a.float };
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
