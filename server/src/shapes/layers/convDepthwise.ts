/**
 * Depthwise and separable convolutions (`base_depthwise_conv.py`,
 * `base_separable_conv.py` and their 1-D/2-D leaves): one rule factory per
 * base, parameterised by rank.
 */

import type { Args } from '../args';
import { raise } from '../errors';
import { checkInputSpec, singleInput } from '../inputSpec';
import { layerName } from '../naming';
import type { LayerRule, Weight } from '../rule';
import { numValue, type PyNum } from '../python/numbers';
import { channelOf, mulDim, numberArg, weightShape } from './convArgs';
import { readFilters, readGeometry } from './convBase';
import { recordedParams } from '../signatures';
import { convOutputShape, type ConvGeometry } from './convShape';

/** `depth_multiplier` as both bases check it (None passes until `build`). */
function readDepthMultiplier(a: Args): PyNum | null {
  const dm = numberArg(a, 'depth_multiplier', true);
  if (dm !== null && dm.value <= 0) {
    raise('convArgNotPositive', { name: 'depth_multiplier', value: numValue(dm) });
  }
  return dm;
}

interface DepthwiseState {
  g: ConvGeometry;
  dm: PyNum | null;
}

function depthwiseRule(rank: 1 | 2): LayerRule {
  const className = `DepthwiseConv${rank}D`;
  return {
    className,
    signature: recordedParams(className),
    construct(a): DepthwiseState {
      // No strides-with-dilation check here: Keras's depthwise base has none.
      const g = readGeometry(a, rank, false);
      return { g, dm: readDepthMultiplier(a) };
    },
    call(a, inputs, _ctx, state) {
      const { g, dm } = state as DepthwiseState;
      const name = layerName(a);
      const x = singleInput(name, inputs);
      checkInputSpec(name, x, { minNdim: rank + 2 });
      const channel = channelOf(x, g.dataFormat);
      // build checks the output shape first, with depth_multiplier * channels filters.
      const outChannels = mulDim(dm, channel);
      const output = convOutputShape(x, g, outChannels);
      const weights: Weight[] = [
        { name: 'kernel', shape: weightShape(name, 'kernel', [...g.kernel, channel, dm]), trainable: true },
      ];
      if (a.bool('use_bias'))
        weights.push({ name: 'bias', shape: weightShape(name, 'bias', [outChannels]), trainable: true });
      return { outputs: [output], weights };
    },
  };
}

interface SeparableState extends DepthwiseState {
  filters: PyNum | null;
}

function separableRule(rank: 1 | 2): LayerRule {
  const className = `SeparableConv${rank}D`;
  return {
    className,
    signature: recordedParams(className),
    construct(a): SeparableState {
      const g = readGeometry(a, rank, false);
      const dm = readDepthMultiplier(a);
      return { g, dm, filters: readFilters(a) };
    },
    call(a, inputs, _ctx, state) {
      const { g, dm, filters } = state as SeparableState;
      const name = layerName(a);
      const x = singleInput(name, inputs);
      checkInputSpec(name, x, { minNdim: rank + 2 });
      const channel = channelOf(x, g.dataFormat);
      const depthwiseDims = [...g.kernel, channel, dm];
      const pointwiseDims = [
        ...new Array<PyNum>(rank).fill({ value: 1, isFloat: false }),
        mulDim(dm, channel),
        filters,
      ];
      const output = convOutputShape(x, g, filters);
      const weights: Weight[] = [
        { name: 'depthwise_kernel', shape: weightShape(name, 'depthwise_kernel', depthwiseDims), trainable: true },
        { name: 'pointwise_kernel', shape: weightShape(name, 'pointwise_kernel', pointwiseDims), trainable: true },
      ];
      if (a.bool('use_bias'))
        weights.push({ name: 'bias', shape: weightShape(name, 'bias', [filters]), trainable: true });
      return { outputs: [output], weights };
    },
  };
}

export const depthwiseRules: LayerRule[] = [depthwiseRule(1), depthwiseRule(2)];
export const separableRules: LayerRule[] = [separableRule(1), separableRule(2)];
