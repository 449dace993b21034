/**
 * Pooling layers (`keras/src/layers/pooling/`). As in Keras, each kind is one
 * base parameterised by rank: MaxPooling/AveragePooling 1D-3D
 * (`base_pooling.py`), GlobalMax/GlobalAveragePooling 1D-3D
 * (`base_global_pooling.py`) here, and the adaptive poolings in
 * poolingAdaptive.ts.
 */

import type { Args } from '../args';
import { poolOutputLength } from '../arith';
import { duringCall, raise } from '../errors';
import { checkInputSpec, singleInput } from '../inputSpec';
import { layerName } from '../naming';
import type { LayerRule } from '../rule';
import type { Shape } from '../shape';
import type { PyValue } from '../values';
import { numValue, type PyNum } from '../python/numbers';
import { standardizeTuple } from '../python/validation';
import { channelOf, spatialOf, withBaseLayer, withChannels } from './convArgs';
import { recordedParams } from '../signatures';
import { adaptiveRules } from './poolingAdaptive';

type DataFormat = 'channels_last' | 'channels_first';

interface PoolState {
  poolSize: PyNum[];
  strides: PyNum[];
  /** Kept as given: BasePooling never standardizes it, so only `call` can refuse it. */
  padding: PyValue;
  dataFormat: DataFormat;
}

function readPool(a: Args, rank: number): PoolState {
  const poolSize = standardizeTuple(a.get('pool_size'), rank, 'pool_size');
  const strideArg = a.isNone('strides') ? a.get('pool_size') : a.get('strides');
  const strides = standardizeTuple(strideArg, rank, 'strides', true);
  const padding = a.known('padding');
  return { poolSize, strides, padding, dataFormat: a.dataFormat() };
}

/** `compute_pooling_output_shape`, with the errors it raises. */
function poolOutputShape(x: Shape, s: PoolState): Shape {
  const pad = s.padding.kind === 'str' ? s.padding.value : null;
  // Keras divides by the strides before anything else looks at them.
  if (s.strides.some((st) => st.value === 0)) raise('divisionByZero', {});
  if (pad !== 'valid' && pad !== 'same') raise('poolPaddingInvalid', { padding: s.padding });
  const spatial = spatialOf(x, s.dataFormat).map((n, i) =>
    poolOutputLength(n, s.poolSize[i].value, pad, s.strides[i].value),
  );
  if (pad === 'valid' && spatial.some((d) => typeof d === 'number' && d <= 0)) {
    const spatialAxes: [number, number] = s.dataFormat === 'channels_last' ? [1, x.length - 1] : [2, x.length];
    raise('poolOutputNotPositive', {
      shape: x,
      poolSize: s.poolSize.map(numValue),
      strides: s.strides.map(numValue),
      spatial: spatialAxes,
    });
  }
  return withChannels(x[0], spatial, channelOf(x, s.dataFormat), s.dataFormat);
}

function poolRule(kind: 'Max' | 'Average', rank: 1 | 2 | 3): LayerRule {
  const className = `${kind}Pooling${rank}D`;
  return {
    className,
    signature: recordedParams(className),
    construct: (a) => readPool(a, rank),
    call(a, inputs, _ctx, state) {
      const x = singleInput(layerName(a), inputs);
      checkInputSpec(layerName(a), x, { ndim: rank + 2 });
      // `compute_output_shape` runs inside the call.
      return { outputs: [duringCall(() => poolOutputShape(x, state as PoolState))], weights: [] };
    },
  };
}

interface GlobalState {
  dataFormat: DataFormat;
  keepdims: boolean;
}

function globalRule(kind: 'Max' | 'Average', rank: 1 | 2 | 3): LayerRule {
  const className = `Global${kind}Pooling${rank}D`;
  return {
    className,
    signature: recordedParams(className),
    construct: (a): GlobalState => ({ dataFormat: a.dataFormat(), keepdims: a.bool('keepdims') }),
    call(a, inputs, _ctx, state) {
      const { dataFormat, keepdims } = state as GlobalState;
      const x = singleInput(layerName(a), inputs);
      checkInputSpec(layerName(a), x, { ndim: rank + 2 });
      const spatial = keepdims ? new Array(rank).fill(1) : [];
      return { outputs: [withChannels(x[0], spatial, channelOf(x, dataFormat), dataFormat)], weights: [] };
    },
  };
}

export const rules: LayerRule[] = [
  ...([1, 2, 3] as const).flatMap((r) => [
    poolRule('Max', r),
    poolRule('Average', r),
    globalRule('Max', r),
    globalRule('Average', r),
  ]),
  ...adaptiveRules,
].map(withBaseLayer);
