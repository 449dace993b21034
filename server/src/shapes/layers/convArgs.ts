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
import { pyRepr, pyTypeName, type PyValue } from '../values';

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

/** Python repr of a number Keras holds. */
export function reprNum(x: PyNum): string {
  return x.float ? pyRepr({ kind: 'float', value: x.n }) : String(x.n);
}

/** Python repr of a tuple of numbers, as Keras prints `self.strides`. */
export function reprTuple(t: PyNum[]): string {
  const items = t.map(reprNum);
  return items.length === 1 ? `(${items[0]},)` : `(${items.join(', ')})`;
}

/**
 * `keras.src.utils.argument_validation.standardize_tuple`, keeping item
 * values as Python does (see the header comment).
 */
export function kerasTuple(v: PyValue, n: number, name: string, allowZero = false): PyNum[] {
  // An object the interpreter only named (a NumPy integer, say) may well be valid.
  if (v.kind === 'unknown' || v.kind === 'object') cannotTell(`\`${name}\` is not known statically`);
  let msg = `The \`${name}\` argument must be a tuple of ${n} integers. Received ${name}=${pyRepr(v)}`;
  let out: PyNum[];
  if (v.kind === 'int' || v.kind === 'bool') {
    out = new Array(n).fill(numOf(v));
  } else {
    // `tuple(value)`: sequences give their items, a string its characters.
    const items =
      sequenceItems(v) ?? (v.kind === 'str' ? [...v.value].map((c): PyValue => ({ kind: 'str', value: c })) : null);
    if (v.kind === 'dict') cannotTell(`\`${name}\` is a dict`);
    if (items === null || items.length !== n) raise(msg);
    out = items.map((x) => {
      if (x.kind === 'unknown' || x.kind === 'object') cannotTell(`\`${name}\` is not known statically`);
      const num = numOf(x);
      if (num !== null) return num;
      if (x.kind === 'str' && /^\s*[-+]?\d+\s*$/.test(x.value)) {
        // int('3') succeeds, then `'3' <= 0` fails: Python raises TypeError.
        raise(`'${allowZero ? '<' : '<='}' not supported between instances of 'str' and 'int'`, 'TypeError');
      }
      msg += `including element ${x.kind === 'str' ? x.value : pyRepr(x)} of type <class '${pyTypeName(x)}'>`;
      raise(msg);
    });
  }
  const bad = out.filter((x) => (allowZero ? x.n < 0 : x.n <= 0)).map((x) => x.n);
  if (bad.length > 0) {
    raise(
      `${msg}, including values {${[...new Set(bad)].join(', ')}} that do not satisfy \`value ${allowZero ? '>= 0' : '> 0'}\``,
    );
  }
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
  if (num === null) raise(`'<=' not supported between instances of '${pyTypeName(v)}' and 'int'`, 'TypeError');
  return num;
}

/** Padding after `standardize_padding`: lists and tuples pass through unchecked until `call`. */
export type ConvPadding = 'valid' | 'same' | 'causal' | { sequence: string };

/** `keras.src.utils.argument_validation.standardize_padding`. */
export function convPadding(a: Args, allowCausal: boolean): ConvPadding {
  const v = a.known('padding');
  if (v.kind === 'tuple' || v.kind === 'list') return { sequence: pyRepr(v) };
  if (v.kind !== 'str') raise(`'${pyTypeName(v)}' object has no attribute 'lower'`, 'AttributeError');
  const s = v.value.toLowerCase();
  const allowed = allowCausal ? ['valid', 'same', 'causal'] : ['valid', 'same'];
  if (!allowed.includes(s)) {
    raise(
      `The \`padding\` argument must be a list/tuple or one of {${allowed.map((x) => `'${x}'`).join(', ')}}. Received: ${s}`,
    );
  }
  return s as 'valid' | 'same' | 'causal';
}

/** One dimension of a weight shape: a Python number, or an input dimension. */
export type WeightDim = PyNum | Dim;

/**
 * A weight's shape, raising as `add_weight` does for a None or float
 * dimension ('?' passes: the parameter count becomes unknown).
 */
export function weightShape(layer: string, weight: string, dims: WeightDim[]): Shape {
  const shown = dims.map((d) =>
    d !== null && typeof d === 'object'
      ? d.float
        ? pyRepr({ kind: 'float', value: d.n })
        : String(d.n)
      : d === null
        ? 'None'
        : String(d),
  );
  const text = shown.length === 1 ? `(${shown[0]},)` : `(${shown.join(', ')})`;
  const out: Shape = [];
  for (const d of dims) {
    if (d === null) {
      raise(
        `Shapes used to initialize variables must be fully-defined (no \`None\` dimensions). Received: shape=${text} for variable path='${layer}/${weight}'`,
      );
    }
    if (typeof d === 'object') {
      if (d.float)
        raise(
          `Cannot convert '${text}' to a shape. Found invalid dimension '${pyRepr({ kind: 'float', value: d.n })}' of type '<class 'float'>'.`,
        );
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
    raise(
      `unsupported operand type(s) for *: '${a === null ? 'NoneType' : a.float ? 'float' : 'int'}' and '${b === null ? 'NoneType' : 'int'}'`,
      'TypeError',
    );
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
  if (name && name.kind !== 'none' && (name.kind !== 'str' || name.value.includes('/'))) {
    raise(
      `Argument \`name\` must be a string and cannot contain character \`/\`. Received: name=${name.kind === 'str' ? name.value : pyRepr(name)} (of type <class '${pyTypeName(name)}'>)`,
    );
  }
  layerTrainable(a);
}

function layerTrainable(a: Args): boolean {
  if (!a.given('trainable')) return true;
  const v = a.known('trainable');
  if (v.kind !== 'bool') {
    raise(
      `Expected \`trainable\` to be a boolean. Received: trainable=${pyRepr(v)} (of type <class '${pyTypeName(v)}'>)`,
    );
  }
  return v.value;
}
