/**
 * Named shape formulas shared by layer families, after Keras's
 * `ops/operation_utils.py`: convolution, pooling and transposed-convolution
 * lengths under each padding, and broadcasting.
 *
 * Each works on one `Dim`: `None` and `'?'` pass through, and a length that
 * would be zero or negative is reported by returning it (callers decide
 * whether Keras raises), so the formulas stay pure arithmetic.
 */

import { raise } from './errors';
import type { Dim, Shape } from './shape';

export type Padding = 'valid' | 'same' | 'causal';

/**
 * Output length of a convolution, as `compute_conv_output_shape`: `valid`
 * gives floor((n - dilation * (kernel - 1) - 1) / stride) + 1 (zero or
 * negative when the window does not fit); `same` and `causal` (which pads
 * dilation * (kernel - 1) on the left) give floor((n - 1) / stride) + 1.
 */
export function convOutputLength(length: Dim, kernel: number, padding: Padding, stride: number, dilation = 1): Dim {
  if (typeof length !== 'number') return length;
  if (padding === 'same' || padding === 'causal') return Math.floor((length - 1) / stride) + 1;
  return Math.floor((length - dilation * (kernel - 1) - 1) / stride) + 1;
}

/** Output length of a pooling window (`valid`: floor((n - k) / s) + 1; `same`: floor((n - 1) / s) + 1). */
export function poolOutputLength(length: Dim, pool: number, padding: 'valid' | 'same', stride: number): Dim {
  if (typeof length !== 'number') return length;
  if (padding === 'same') return Math.floor((length - 1) / stride) + 1;
  return Math.floor((length - pool) / stride) + 1;
}

/**
 * Output length of a transposed convolution, as
 * `keras.src.backend.common.backend_utils._get_output_shape_given_tf_padding`
 * (used by `compute_conv_transpose_output_shape`).
 */
export function deconvOutputLength(
  length: Dim,
  kernel: number,
  padding: 'valid' | 'same',
  outputPadding: number | null,
  stride: number,
  dilation = 1,
): Dim {
  if (typeof length !== 'number') return length;
  const k = (kernel - 1) * dilation + 1;
  if (padding === 'valid') {
    // Without output_padding Keras pads so the output is (n - 1) * s + max(k, s).
    const pad = outputPadding === null ? Math.max(k, stride) - k : outputPadding;
    return (length - 1) * stride + k + pad;
  }
  if (outputPadding === null) return length * stride;
  return (length - 1) * stride + (k % 2) + outputPadding;
}

/** NumPy broadcasting of two shapes, raising as `ops.operation_utils.broadcast_shapes` does. */
export function broadcastShapes(a: Shape, b: Shape): Shape {
  const n = Math.max(a.length, b.length);
  const x: Dim[] = [...new Array(n - a.length).fill(1), ...a];
  const y: Dim[] = [...new Array(n - b.length).fill(1), ...b];
  return x.map((d, i) => {
    const e = y[i];
    if (d === 1) return e;
    if (d === null) return e === 1 ? null : e;
    if (e === 1 || e === null || e === d) return d;
    if (d === '?' || e === '?') return typeof d === 'number' ? d : e;
    raise('cannotBroadcast', { dim: d as number, other: e as number, shape1: a, shape2: b });
  });
}

/** Python's axis canonicalisation: a negative axis counts from the end; out of range raises. */
export function canonicalizeAxis(axis: number, rank: number): number {
  const a = axis < 0 ? axis + rank : axis;
  if (a < 0 || a >= rank) raise('axisOutOfBounds', { axis, rank });
  return a;
}
