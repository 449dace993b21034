/**
 * Adaptive poolings (`base_adaptive_pooling.py` and its leaves
 * AdaptiveAverage/AdaptiveMaxPooling 1D-3D): one rule factory
 * parameterised by rank.
 *
 * These layers have no InputSpec and their `compute_output_shape` is
 * `(batch, *output_size, channels)` whatever the input's rank, so Keras
 * accepts an input of any rank here; only the output shape itself can fail
 * (a negative, float or string size).
 */

import { truthy, type Args } from '../args';
import { cannotTell, duringCall, raise } from '../errors';
import { singleInput } from '../inputSpec';
import { shapeTuple } from '../messages/base';
import { layerName } from '../naming';
import type { LayerRule } from '../rule';
import type { Dim, Shape } from '../shape';
import type { PyValue } from '../values';
import { recordedParams } from '../signatures';

type DataFormat = 'channels_last' | 'channels_first';

interface AdaptiveState {
  outputSize: PyValue[];
  dataFormat: DataFormat;
}

/** The leaf's `__init__`: an int is repeated, a tuple/list must have one item per axis. */
function readOutputSize(v: PyValue, rank: number): PyValue[] {
  if (v.kind === 'unknown' || v.kind === 'object') cannotTell('`output_size` is not known statically');
  if ((v.kind === 'int' && !v.numpy) || v.kind === 'bool') return new Array(rank).fill(v);
  const items = v.kind === 'tuple' || v.kind === 'list' ? v.items : null;
  if (items !== null && items.length === rank) return items;
  if (items !== null && rank === 1) raise('adaptiveOutputSizeLength', { value: v });
  raise('adaptiveOutputSizeInvalid', { rank: rank as 1 | 2 | 3, value: v });
}

/** `data_format or config.image_data_format()`, then an exact (case-sensitive) check. */
function readDataFormat(a: Args): DataFormat {
  const v = a.known('data_format');
  if (!truthy(v)) return a.options.imageDataFormat;
  if (v.kind === 'str' && (v.value === 'channels_first' || v.value === 'channels_last')) return v.value;
  raise('adaptiveDataFormatInvalid', { value: v });
}

/** One output size as the output tensor's `standardize_shape` accepts it. */
function outputDim(v: PyValue, shape: PyValue): Dim {
  if (v.kind === 'none') return null;
  if (v.kind === 'unknown' || v.kind === 'object' || v.kind === 'layer')
    cannotTell('`output_size` item is not known statically');
  const n = v.kind === 'int' ? v.value : v.kind === 'bool' ? Number(v.value) : null;
  if (n === null) raise('shapeInvalidDimension', { shape, dim: v });
  if (n < 0) raise('shapeNegativeDimension', { shape });
  return n;
}

function adaptiveRule(kind: 'Average' | 'Max', rank: 1 | 2 | 3): LayerRule {
  const className = `Adaptive${kind}Pooling${rank}D`;
  return {
    className,
    signature: recordedParams(className),
    construct: (a): AdaptiveState => ({
      outputSize: readOutputSize(a.known('output_size'), rank),
      dataFormat: readDataFormat(a),
    }),
    call(a, inputs, _ctx, state) {
      const { outputSize, dataFormat } = state as AdaptiveState;
      const x = singleInput(layerName(a), inputs);
      // No input spec and no build: everything below is `compute_output_shape`, inside the call.
      return duringCall(() => {
        if (dataFormat === 'channels_first' && x.length < 2) raise('indexOutOfRange', { seq: 'tuple' });
        const channels = dataFormat === 'channels_last' ? x[x.length - 1] : x[1];
        const all = dataFormat === 'channels_last' ? [x[0], ...outputSize, channels] : [x[0], channels, ...outputSize];
        const shape = shapeTuple(all);
        const dims = outputSize.map((v) => outputDim(v, shape));
        const out: Shape = dataFormat === 'channels_last' ? [x[0], ...dims, channels] : [x[0], channels, ...dims];
        return { outputs: [out], weights: [] };
      });
    },
  };
}

export const adaptiveRules: LayerRule[] = ([1, 2, 3] as const).flatMap((r) => [
  adaptiveRule('Average', r),
  adaptiveRule('Max', r),
]);
