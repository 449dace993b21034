/**
 * Output shapes of the convolution family, after Keras's
 * `ops.operation_utils.compute_conv_output_shape` (Conv, DepthwiseConv,
 * SeparableConv) and `backend_utils.compute_conv_transpose_output_shape`
 * (ConvNDTranspose), with the errors each raises.
 */

import { convOutputLength, deconvOutputLength } from '../arith';
import { raise } from '../errors';
import { formatShape, type Dim, type Shape } from '../shape';
import { channelOf, reprNum, reprTuple, spatialOf, withChannels, type ConvPadding, type PyNum } from './convArgs';

export type DataFormat = 'channels_last' | 'channels_first';

/** What a forward convolution needs to know to shape its output. */
export interface ConvGeometry {
  kernel: PyNum[];
  strides: PyNum[];
  dilation: PyNum[];
  padding: ConvPadding;
  dataFormat: DataFormat;
}

function dimText(d: Dim | PyNum | null): string {
  if (d === null) return 'None';
  if (typeof d === 'object') return reprNum(d);
  return String(d);
}

/**
 * `compute_conv_output_shape`: `outChannels` is the output's channel count
 * (`filters`, or `depth_multiplier * channels` for a depthwise layer).
 */
export function convOutputShape(x: Shape, g: ConvGeometry, outChannels: Dim | PyNum | null): Shape {
  const rank = g.kernel.length;
  const kernelShape = `(${[...g.kernel.map((k) => dimText(k)), dimText(channelOf(x, g.dataFormat)), dimText(outChannels)].join(', ')})`;
  if (x.length !== rank + 2) {
    // The kernel has rank + 2 axes; Keras compares it with the input's rank.
    raise(
      `Kernel shape must have the same length as input, but received kernel of shape ${kernelShape} and input of shape ${formatShape(x)}.`,
    );
  }
  const padding = g.padding;
  if (typeof padding === 'object')
    raise(`\`padding\` must be either \`'valid'\` or \`'same'\`. Received ${padding.sequence}.`);
  const spatial = spatialOf(x, g.dataFormat).map((n, i) =>
    convOutputLength(n, g.kernel[i].n, padding, g.strides[i].n, g.dilation[i].n),
  );
  if (padding === 'valid' && spatial.some((d) => typeof d === 'number' && d <= 0)) {
    raise(
      `Computed output size would be zero or negative. Received \`inputs shape=${formatShape(x)}\`, ` +
        `\`kernel shape=${kernelShape}\`, \`dilation_rate=[${g.dilation.map((d) => dimText(d)).join(' ')}]\`, ` +
        `\`strides=${reprTuple(g.strides)}\`, \`padding=valid\`.`,
    );
  }
  const out = outChannels !== null && typeof outChannels === 'object' ? outChannels.n : outChannels;
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
  if (x.length - 2 > rank) {
    // Keras indexes its per-axis tuples with the input's spatial rank.
    raise('tuple index out of range', 'IndexError');
  }
  const spatial = spatialOf(x, g.dataFormat).map((n, i): Dim => {
    if (n === null) return null;
    if (typeof g.padding === 'object')
      raise(
        `'${g.padding.sequence.startsWith('[') ? 'list' : 'tuple'}' object has no attribute 'lower'`,
        'AttributeError',
      );
    if (g.padding === 'causal')
      raise(`The \`padding\` argument must be one of 'valid', 'same'. Received: padding=causal`);
    const k = g.kernel[i];
    const s = g.strides[i];
    const d = g.dilation[i];
    const op = g.outputPadding ? g.outputPadding[i] : null;
    const isFloat =
      g.padding === 'same' && op === null ? s.float : s.float || k.float || d.float || (op?.float ?? false);
    const len = deconvOutputLength(n, k.n, g.padding, op === null ? null : op.n, s.n, d.n);
    if (typeof len === 'number' && (isFloat || len < 0)) {
      const shown = isFloat ? `${len}${Number.isInteger(len) ? '.0' : ''}` : String(len);
      raise(
        `Cannot convert a shape with dimension ${shown}: ${isFloat ? 'a float is not a valid dimension' : 'negative dimensions are not allowed'}.`,
      );
    }
    return len;
  });
  return withChannels(x[0], spatial, filters, g.dataFormat);
}
