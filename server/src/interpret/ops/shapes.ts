/**
 * The output shapes of the `keras.ops` functions written out here rather
 * than as rules (array.ts, math.ts) or table entries (tables.ts): binary ops
 * and `matmul`, elementwise ops, reductions, `reshape`, `concatenate`,
 * `stack`, `expand_dims`, `squeeze`, `transpose`, `tile`, the image ops
 * `extract_patches` and `resize`, and `x[...]`. Each follows its Keras 3 op
 * class's `compute_output_spec`; a `KerasError` is what Keras raises.
 */

import { broadcastShapes, canonicalizeAxis } from '../../shapes/arith';
import { raise } from '../../shapes/errors';
import { dimProduct, type Dim, type Shape } from '../../shapes/shape';
import { asInt, asItems, UNKNOWN, type Value } from '../values';
import { shapeOfValue as shapeOf } from './args';
import { getItemShape, type GetItemContext } from './getItem';
import { BINARY, ELEMENTWISE, REDUCE } from './tables';

/**
 * The op class and output shape (null where not known) of `name` on these
 * arguments; undefined when `name` is not one of these ops. `traced` says a
 * custom layer's body is being traced (with a concrete batch size).
 */
export function inlineOpShape(
  name: string,
  args: Value[],
  kw: Map<string, Value>,
  traced: boolean,
  getItem: GetItemContext | undefined,
): { cls: string; out: Shape | null } | undefined {
  const arg = (i: number, key: string): Value | undefined => args[i] ?? kw.get(key);
  let className: string;
  let out: Shape | null = null;
  if (Object.hasOwn(BINARY, name) || name === 'matmul') {
    className = name === 'matmul' ? 'Matmul' : BINARY[name];
    const a = shapeOf(arg(0, 'x1') ?? UNKNOWN);
    const b = shapeOf(arg(1, 'x2') ?? UNKNOWN);
    if (a && b) out = name === 'matmul' ? matmulShape(a, b) : broadcastShapes(a, b);
  } else if (Object.hasOwn(ELEMENTWISE, name)) {
    className = ELEMENTWISE[name];
    out = shapeOf(arg(0, 'x') ?? UNKNOWN) ?? null;
  } else if (Object.hasOwn(REDUCE, name)) {
    className = REDUCE[name];
    const x = shapeOf(arg(0, 'x') ?? UNKNOWN);
    const axis = arg(1, 'axis') ?? { kind: 'none' };
    const keep = kw.get('keepdims') ?? args[2];
    if (x) out = reduceShape(x, axis, keep?.kind === 'bool' && keep.value);
  } else if (name === 'reshape') {
    className = 'Reshape';
    const x = shapeOf(arg(0, 'x') ?? UNKNOWN);
    const target = arg(1, 'newshape') ?? kw.get('new_shape');
    if (x && target) out = reshapeShape(x, target, traced);
  } else if (name === 'concatenate') {
    className = 'Concatenate';
    const xs = asItems(arg(0, 'xs') ?? UNKNOWN)?.map(shapeOf);
    const axis = asInt(arg(1, 'axis') ?? { kind: 'int', value: 0 });
    if (xs && xs.every((s) => s) && axis !== undefined) out = concatShape(xs as Shape[], axis);
  } else if (name === 'stack') {
    className = 'Stack';
    const xs = asItems(arg(0, 'x') ?? UNKNOWN)?.map(shapeOf);
    const axis = asInt(arg(1, 'axis') ?? { kind: 'int', value: 0 });
    if (xs && xs.length > 0 && xs.every((s) => s) && axis !== undefined) {
      const s = xs[0]!;
      const at = canonicalizeAxis(axis, s.length + 1);
      out = [...s.slice(0, at), xs.length, ...s.slice(at)];
    }
  } else if (name === 'expand_dims') {
    className = 'ExpandDims';
    const x = shapeOf(arg(0, 'x') ?? UNKNOWN);
    const axis = asInt(arg(1, 'axis') ?? UNKNOWN);
    if (x && axis !== undefined) {
      const at = canonicalizeAxis(axis, x.length + 1);
      out = [...x.slice(0, at), 1, ...x.slice(at)];
    }
  } else if (name === 'squeeze') {
    className = 'Squeeze';
    const x = shapeOf(arg(0, 'x') ?? UNKNOWN);
    const axis = arg(1, 'axis') ?? { kind: 'none' };
    if (x) {
      if (axis.kind === 'none') out = x.filter((d) => d !== 1);
      else {
        const axes = (asItems(axis) ?? [axis]).map(asInt);
        if (axes.every((a) => a !== undefined)) {
          const drop = new Set(axes.map((a) => canonicalizeAxis(a!, x.length)));
          out = x.filter((_, i) => !drop.has(i));
        }
      }
    }
  } else if (name === 'transpose') {
    className = 'Transpose';
    const x = shapeOf(arg(0, 'x') ?? UNKNOWN);
    const axes = arg(1, 'axes');
    if (x) {
      if (!axes || axes.kind === 'none') out = [...x].reverse();
      else {
        const perm = asItems(axes)?.map(asInt);
        if (perm && perm.every((a) => a !== undefined)) out = perm.map((a) => x[canonicalizeAxis(a!, x.length)]);
      }
    }
  } else if (name === 'tile') {
    className = 'Tile';
    const x = shapeOf(arg(0, 'x') ?? UNKNOWN);
    const reps = asItems(arg(1, 'repeats') ?? UNKNOWN)?.map(asInt);
    if (x && reps && reps.every((r) => r !== undefined)) {
      const r = reps as number[];
      const xs: Dim[] = r.length > x.length ? [...new Array<Dim>(r.length - x.length).fill(1), ...x] : x;
      const rr = xs.length > r.length ? [...new Array<number>(xs.length - r.length).fill(1), ...r] : r;
      out = xs.map((d, i) => (typeof d === 'number' ? d * rr[i] : rr[i] === 1 ? d : d === null ? null : '?'));
    }
  } else if (name === 'extract_patches' || name === 'resize') {
    // keras.ops.image, channels last: (batch,) rows, cols, channels.
    className = name === 'resize' ? 'Resize' : 'ExtractPatches';
    const x = shapeOf(arg(0, 'images') ?? UNKNOWN);
    const size = arg(1, 'size') ?? UNKNOWN;
    const [h, w] = size.kind === 'int' ? [size.value, size.value] : (asItems(size)?.map(asInt) ?? []);
    const fmt = kw.get('data_format');
    if (
      x &&
      (x.length === 3 || x.length === 4) &&
      h !== undefined &&
      w !== undefined &&
      (!fmt || (fmt.kind === 'str' && fmt.value === 'channels_last'))
    ) {
      const lead = x.slice(0, x.length - 3);
      const c = x[x.length - 1];
      if (name === 'resize') out = [...lead, h, w, c];
      else {
        const st = arg(2, 'strides') ?? { kind: 'none' };
        const [sh, sw] =
          st.kind === 'none' ? [h, w] : st.kind === 'int' ? [st.value, st.value] : (asItems(st)?.map(asInt) ?? []);
        const pad = kw.get('padding') ?? args[4];
        const rate = kw.get('dilation_rate') ?? args[3];
        const same = pad?.kind === 'str' && pad.value === 'same';
        if (
          sh !== undefined &&
          sw !== undefined &&
          (!rate || asInt(rate) === 1) &&
          (!pad || (pad.kind === 'str' && (same || pad.value === 'valid')))
        ) {
          const len = (d: Dim, k: number, s: number): Dim =>
            typeof d !== 'number' ? d : same ? Math.ceil(d / s) : Math.floor((d - k) / s) + 1;
          out = [
            ...lead,
            len(x[x.length - 3], h, sh),
            len(x[x.length - 2], w, sw),
            typeof c === 'number' ? c * h * w : c,
          ];
        }
      }
    }
  } else if (name === 'get_item' && getItem) {
    className = 'GetItem';
    const x = shapeOf(args[0]);
    if (x) out = getItemShape(x, getItem) ?? null;
  } else {
    return undefined;
  }
  return { cls: className, out };
}

/** `ops.matmul`'s output (`compute_matmul_output_shape`): a 1-D side is promoted, the inner axes must agree. */
function matmulShape(a: Shape, b: Shape): Shape | null {
  if (a.length === 0 || b.length === 0) return null;
  const x1 = a.length === 1 ? [1, a[0]] : a;
  const x2 = b.length === 1 ? [b[0], 1] : b;
  const inner1 = x1[x1.length - 1];
  const inner2 = x2[x2.length - 2];
  if (typeof inner1 === 'number' && typeof inner2 === 'number' && inner1 !== inner2) {
    raise('matmulInner', { x1, x2 });
  }
  const out: Dim[] = [...broadcastShapes(x1.slice(0, -2), x2.slice(0, -2)), x1[x1.length - 2], x2[x2.length - 1]];
  if (a.length === 1) out.splice(out.length - 2, 1);
  if (b.length === 1) out.splice(out.length - 1, 1);
  return out;
}

function reduceShape(x: Shape, axis: Value, keepdims: boolean): Shape | null {
  if (axis.kind === 'none') return keepdims ? x.map(() => 1) : [];
  const axes = (asItems(axis) ?? [axis]).map(asInt);
  if (axes.some((a) => a === undefined)) return null;
  const set = new Set(axes.map((a) => canonicalizeAxis(a!, x.length)));
  return keepdims ? x.map((d, i) => (set.has(i) ? 1 : d)) : x.filter((_, i) => !set.has(i));
}

function reshapeShape(x: Shape, target: Value, traced: boolean): Shape | null {
  const items = asItems(target) ?? (target.kind === 'int' ? [target] : undefined);
  if (!items) return null;
  const dims: Dim[] = items.map((v) => (v.kind === 'int' ? v.value : v.kind === 'none' ? null : '?'));
  const minus = dims.findIndex((d) => d === -1);
  // Traced with a concrete batch size, `reshape(x, (batch, -1, n))` (batch read from the shape) cancels it out.
  if (
    traced &&
    minus >= 0 &&
    x[0] === null &&
    dims[0] === null &&
    x.slice(1).every((d) => typeof d === 'number') &&
    dims.every((d, i) => i === 0 || typeof d === 'number')
  ) {
    const known = dimProduct(dims.filter((_, i) => i !== minus && i !== 0));
    const total = dimProduct(x.slice(1));
    if (typeof known === 'number' && typeof total === 'number' && known !== 0 && total % known === 0) {
      const out = [...dims];
      out[minus] = total / known;
      return out;
    }
  }
  if (minus >= 0) {
    const known = dimProduct(dims.filter((_, i) => i !== minus));
    const total = dimProduct(x);
    dims[minus] =
      typeof known === 'number' && typeof total === 'number' && known !== 0
        ? total / known
        : total === null
          ? null
          : '?';
  }
  return dims;
}

function concatShape(xs: Shape[], axis: number): Shape | null {
  const rank = xs[0].length;
  const at = canonicalizeAxis(axis, rank);
  const out = [...xs[0]];
  // Every other axis must agree where both are known (`shape_equal(..., allow_none=True)`).
  for (const s of xs) {
    const differs =
      s.length !== rank ||
      s.some((d, i) => i !== at && typeof d === 'number' && typeof xs[0][i] === 'number' && d !== xs[0][i]);
    if (differs) {
      raise('concatenateShapes', { shape: s, first: xs[0] });
    }
  }
  for (const s of xs.slice(1)) {
    const a = out[at];
    const b = s[at];
    out[at] = a === null || b === null ? null : typeof a === 'number' && typeof b === 'number' ? a + b : '?';
  }
  return out;
}
