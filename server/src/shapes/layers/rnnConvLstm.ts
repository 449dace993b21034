/**
 * ConvLSTM1D, ConvLSTM2D, ConvLSTM3D (`keras/src/layers/rnn/conv_lstm.py`):
 * an LSTM whose gates are convolutions. One rule per rank over a shared
 * `ConvLSTMCell` model.
 *
 * The cell's `build` refuses a None spatial or channel dimension; the
 * layer's `compute_output_shape` is `compute_conv_output_shape` on one time
 * step, which refuses an empty output. `filters` is never validated by
 * Keras: 0 builds empty weights, a negative or float count fails in `build`.
 */

import { standardizePadding, truthy, type Args } from '../args';
import { standardizeTuple } from '../python/validation';
import { cannotTell, raise } from '../errors';
import type { LayerRule, Weight } from '../rule';
import { shapeTuple } from '../messages/base';
import type { Dim, Shape } from '../shape';
import { pyTypeName, type PyValue } from '../values';
import { recordedParams } from '../signatures';
import {
  callRecurrent,
  checkClippedRate,
  checkSeed,
  recurrentState,
  weight,
  type CellModel,
  type RecurrentState,
} from './rnnShared';

interface ConvConfig {
  rank: number;
  kernel: number[];
  /** The axes of `kernel_size` given as floats (Keras keeps them): the kernels' shapes, and `add_weight`, refuse them. */
  kernelFloats: number[];
  strides: number[];
  dilation: number[];
  padding: 'valid' | 'same';
  channelsFirst: boolean;
}

/** `ConvLSTMCell.__init__`'s argument checks, in its order. */
function convConfig(a: Args, rank: number): ConvConfig {
  checkSeed(a.get('seed'));
  const kernelNums = standardizeTuple(a.get('kernel_size'), rank, 'kernel_size');
  const strides = standardizeTuple(a.get('strides'), rank, 'strides', true).map((x) => x.value);
  const padding = standardizePadding(a.get('padding')) as 'valid' | 'same';
  const channelsFirst = a.dataFormat() === 'channels_first';
  const dilation = standardizeTuple(a.get('dilation_rate'), rank, 'dilation_rate').map((x) => x.value);
  const kernel = kernelNums.map((x) => x.value);
  const kernelFloats = kernelNums.flatMap((x, i) => (x.isFloat ? [i] : []));
  if (Math.max(...strides) > 1 && Math.max(...dilation) > 1) {
    raise('convLstmStridesWithDilation', { strides, dilation });
  }
  checkClippedRate(a.get('dropout'));
  checkClippedRate(a.get('recurrent_dropout'));
  return { rank, kernel, kernelFloats, strides, dilation, padding, channelsFirst };
}

/** `filters` as a dimension: an int (bool counts), or a float that `add_weight` will refuse. */
function filtersOf(v: PyValue): { value: number; isFloat: boolean } {
  if (v.kind === 'unknown') cannotTell('`filters` is not known statically');
  if (v.kind === 'int' || v.kind === 'float') return { value: v.value, isFloat: v.kind === 'float' };
  if (v.kind === 'bool') return { value: Number(v.value), isFloat: false };
  raise('unsupportedOperand', { op: '*', left: pyTypeName(v), right: 'int' });
}

/** One spatial length of `compute_conv_output_shape`. */
function convLength(n: Dim, k: number, s: number, d: number, padding: 'valid' | 'same', fail: () => never): Dim {
  if (typeof n !== 'number') return n;
  const numerator = padding === 'valid' ? n - d * (k - 1) - 1 : n - 1;
  // numpy divides by a zero stride into inf/nan, which `int()` then refuses.
  if (s === 0) {
    if (padding === 'valid' && numerator < 0) fail();
    raise(numerator === 0 ? 'floatToIntNan' : 'floatToIntInfinity', {});
  }
  const out = Math.floor(numerator / s) + 1;
  if (padding === 'valid' && out <= 0) fail();
  return out;
}

function convLstmCell(a: Args, c: ConvConfig): CellModel {
  const spatialOf = (step: Shape): Shape => (c.channelsFirst ? step.slice(2) : step.slice(1, -1));
  const channelOf = (step: Shape): Dim => (c.channelsFirst ? step[1] : step[step.length - 1]) ?? null;
  const filters = a.get('filters');
  return {
    className: 'ConvLSTMCell',
    ...(filters.kind === 'int' && filters.numpy ? { numpySize: 'unchecked' as const } : {}),
    build(step, path): Weight[] {
      if (spatialOf(step).includes(null)) {
        raise('convLstmSpatialUndefined', { shape: step });
      }
      const channels = channelOf(step);
      if (channels === null) {
        raise('convLstmChannelsUndefined', { shape: step });
      }
      const f = filtersOf(a.get('filters'));
      const at = `${path}/conv_lstm_cell`;
      const k = c.kernel.length;
      const floats = (...axes: number[]) => (f.isFloat ? axes : []);
      const weights = [
        weight(at, 'kernel', [...c.kernel, channels, 4 * f.value], [...c.kernelFloats, ...floats(k + 1)]),
        weight(at, 'recurrent_kernel', [...c.kernel, f.value, 4 * f.value], [...c.kernelFloats, ...floats(k, k + 1)]),
      ];
      if (truthy(a.known('use_bias'))) weights.push(weight(at, 'bias', [4 * f.value], floats(0)));
      return weights;
    },
    shapes(step) {
      const f = filtersOf(a.get('filters')).value;
      const kernel = shapeTuple([...c.kernel, channelOf(step), f]).items;
      if (kernel.length !== step.length) raise('convKernelRankMismatch', { kernel, shape: step });
      const ints = (xs: number[]) => xs.map((value): PyValue => ({ kind: 'int', value }));
      const fail = (): never =>
        raise('convOutputNotPositive', {
          shape: step,
          kernel,
          dilation: ints(c.dilation),
          strides: ints(c.strides),
        });
      const out = spatialOf(step).map((n, i) =>
        convLength(n, c.kernel[i], c.strides[i], c.dilation[i], c.padding, fail),
      );
      const state: Shape = c.channelsFirst ? [f, ...out] : [...out, f];
      return { output: state, states: [state, state] };
    },
  };
}

function convLstm(rank: number): LayerRule {
  const className = `ConvLSTM${rank}D`;
  return {
    className,
    signature: recordedParams(className),
    construct(a) {
      const cell = convLstmCell(a, convConfig(a, rank));
      return recurrentState(a, rank + 3, cell);
    },
    call: (_a, inputs, _ctx, state) => callRecurrent(state as RecurrentState, inputs),
  };
}

export const convLstmRules: LayerRule[] = [convLstm(1), convLstm(2), convLstm(3)];
