/**
 * Convolution layers (`keras/src/layers/convolutional/`). As in Keras, each
 * kind is one base parameterised by rank with thin leaves: Conv1D/2D/3D
 * (`base_conv.py`) here; the transposed, depthwise and separable kinds in
 * convTranspose.ts and convDepthwise.ts.
 */

import type { Args } from '../args';
import { raise } from '../errors';
import { checkInputSpec, singleInput } from '../inputSpec';
import type { LayerRule, Weight } from '../rule';
import { layerName } from '../naming';
import type { Dim } from '../shape';
import { numValue, pyMod, type PyNum } from '../python/numbers';
import { channelOf, numberArg, weightShape, withBaseLayer, type WeightDim } from './convArgs';
import { checkStridesWithDilation, readFilters, readGeometry } from './convBase';
import { recordedParams } from '../signatures';
import { depthwiseRules, separableRules } from './convDepthwise';
import { convOutputShape, type ConvGeometry } from './convShape';
import { transposeRules } from './convTranspose';

interface ConvState {
  g: ConvGeometry;
  filters: PyNum | null;
  groups: PyNum;
}

function readConv(a: Args, rank: number): ConvState {
  const g = readGeometry(a, rank, rank === 1);
  const filters = readFilters(a);
  const groups = numberArg(a, 'groups', false) as PyNum;
  if (groups.value <= 0) raise('convGroupsNotPositive', { groups: numValue(groups) });
  if (filters !== null && pyMod(filters.value, groups.value) !== 0)
    raise('convFiltersNotDivisible', { groups: numValue(groups), filters: numValue(filters) });
  checkStridesWithDilation(g);
  return { g, filters, groups };
}

/** `input_channel // groups` in Python numbers; '?' stays '?'. */
function perGroup(channel: Dim, groups: PyNum): WeightDim {
  if (typeof channel !== 'number') return channel;
  return { value: Math.floor(channel / groups.value), isFloat: groups.isFloat };
}

/** LoRA weights `enable_lora` adds after `build`: the kernel becomes non-trainable. */
function loraWeights(a: Args, name: string, weights: Weight[], kernelDims: WeightDim[], filters: PyNum | null): void {
  const rankValue = a.get('lora_rank');
  if (rankValue.kind === 'none' || !a.bool('lora_rank')) return;
  if (!a.isNone('kernel_constraint')) raise('loraWithConstraint', { what: 'kernel', argument: 'kernel_constraint' });
  const r = numberArg(a, 'lora_rank', false) as PyNum;
  weights[0].trainable = false;
  weights.push({
    name: 'lora_kernel_a',
    shape: weightShape(name, 'lora_kernel_a', [...kernelDims.slice(0, -1), r]),
    trainable: true,
  });
  weights.push({ name: 'lora_kernel_b', shape: weightShape(name, 'lora_kernel_b', [r, filters]), trainable: true });
}

function convRule(rank: 1 | 2 | 3): LayerRule {
  const className = `Conv${rank}D`;
  return {
    className,
    signature: recordedParams(className),
    construct: (a) => readConv(a, rank),
    call(a, inputs, _ctx, state) {
      const { g, filters, groups } = state as ConvState;
      const name = layerName(a);
      const x = singleInput(name, inputs);
      checkInputSpec(name, x, { minNdim: rank + 2 });
      const channel = channelOf(x, g.dataFormat);
      if (channel === null)
        raise('unsupportedOperand', { op: '%', left: 'NoneType', right: groups.isFloat ? 'float' : 'int' });
      if (typeof channel === 'number' && pyMod(channel, groups.value) !== 0)
        raise('convChannelsNotDivisible', { groups: numValue(groups), channels: channel, shape: x });
      const kernelDims: WeightDim[] = [...g.kernel, perGroup(channel, groups), filters];
      const output = convOutputShape(x, g, filters);
      const weights: Weight[] = [{ name: 'kernel', shape: weightShape(name, 'kernel', kernelDims), trainable: true }];
      if (a.bool('use_bias'))
        weights.push({ name: 'bias', shape: weightShape(name, 'bias', [filters]), trainable: true });
      loraWeights(a, name, weights, kernelDims, filters);
      return { outputs: [output], weights };
    },
  };
}

export const rules: LayerRule[] = [
  convRule(1),
  convRule(2),
  convRule(3),
  ...transposeRules,
  ...depthwiseRules,
  ...separableRules,
].map(withBaseLayer);
