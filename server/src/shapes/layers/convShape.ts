/**
 * Output shapes of the convolution family, after Keras's
 * `ops.operation_utils.compute_conv_output_shape` (Conv, DepthwiseConv,
 * SeparableConv) and `backend_utils.compute_conv_transpose_output_shape`
 * (ConvNDTranspose), with the errors each raises.
 */

import { convOutputLength, deconvOutputLength } from '../arith';
import { raise } from '../errors';
import type { Dim, Shape } from '../shape';
import { pyTypeName, type PyValue } from '../values';
import { numValue, type PyNum } from '../python/numbers';
import { channelOf, spatialOf, withChannels, type ConvPadding } from './convArgs';

export type DataFormat = 'channels_last' | 'channels_first';

/** What a forward convolution needs to know to shape its output. */
export interface ConvGeometry {
  kernel: PyNum[];
  strides: PyNum[];
  dilation: PyNum[];
  padding: ConvPadding;
  dataFormat: DataFormat;
}

function dimValue(d: Dim | PyNum | null): PyValue {
  if (d === null) return { kind: 'none' };
  if (d === '?') return { kind: 'unknown' };
  if (typeof d === 'object') return numValue(d);
  return { kind: 'int', value: d };
}

/**
 * `compute_conv_output_shape`: `outChannels` is the output's channel count
 * (`filters`, or `depth_multiplier * channels` for a depthwise layer).
 */
export function convOutputShape(x: Shape, g: ConvGeometry, outChannels: Dim | PyNum | null): Shape {
  const rank = g.kernel.length;
  const kernel = [...g.kernel.map(numValue), dimValue(channelOf(x, g.dataFormat)), dimValue(outChannels)];
  // The kernel has rank + 2 axes; Keras compares it with the input's rank.
  if (x.length !== rank + 2) raise('convKernelRankMismatch', { kernel, shape: x });
  const padding = g.padding;
  if (typeof padding === 'object') raise('convPaddingNotAString', { padding: padding.value });
  const spatial = spatialOf(x, g.dataFormat).map((n, i) =>
    convOutputLength(n, g.kernel[i].value, padding, g.strides[i].value, g.dilation[i].value),
  );
  if (padding === 'valid' && spatial.some((d) => typeof d === 'number' && d <= 0)) {
    raise('convOutputNotPositive', {
      shape: x,
      kernel,
      dilation: g.dilation.map(numValue),
      strides: g.strides.map(numValue),
    });
  }
  const out = outChannels !== null && typeof outChannels === 'object' ? outChannels.value : outChannels;
  return withChannels(x[0], spatial, out, g.dataFormat);
}

/** What a transposed convolution adds: `output_padding` (None or one per axis). */
export interface DeconvGeometry extends ConvGeometry {
  outputPadding: PyNum[] | null;
}

/**
 * `compute_conv_transpose_output_shape`. Keras does the arithmetic in
 * Python numbers, so a float stride, dilation or output padding makes a
 * float dimension, which the output tensor then refuses.
 */
export function deconvOutputShape(x: Shape, g: DeconvGeometry, filters: number): Shape {
  const rank = g.kernel.length;
  // Keras indexes its per-axis tuples with the input's spatial rank.
  if (x.length - 2 > rank) raise('indexOutOfRange', { seq: 'tuple' });
  const spatial = spatialOf(x, g.dataFormat).map((n, i): Dim => {
    if (n === null) return null;
    if (typeof g.padding === 'object') raise('noAttribute', { type: pyTypeName(g.padding.value), attribute: 'lower' });
    if (g.padding === 'causal') raise('deconvPaddingInvalid', { padding: 'causal' });
    const k = g.kernel[i];
    const s = g.strides[i];
    const d = g.dilation[i];
    const op = g.outputPadding ? g.outputPadding[i] : null;
    const isFloat =
      g.padding === 'same' && op === null ? s.isFloat : s.isFloat || k.isFloat || d.isFloat || (op?.isFloat ?? false);
    const len = deconvOutputLength(n, k.value, g.padding, op === null ? null : op.value, s.value, d.value);
    if (typeof len === 'number' && (isFloat || len < 0))
      raise('deconvDimensionInvalid', { length: len, float: isFloat });
    return len;
  });
  return withChannels(x[0], spatial, filters, g.dataFormat);
}
