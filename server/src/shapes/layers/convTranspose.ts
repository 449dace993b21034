/**
 * Transposed convolutions (`base_conv_transpose.py` and its leaves
 * Conv1DTranspose, Conv2DTranspose, Conv3DTranspose): one rule factory
 * parameterised by rank.
 */

import type { Args } from '../args';
import { duringCall, raise } from '../errors';
import { checkInputSpec, singleInput } from '../inputSpec';
import { layerName } from '../naming';
import type { LayerRule, Weight } from '../rule';
import { numValue, type PyNum } from '../python/numbers';
import { standardizeTuple } from '../python/validation';
import { channelOf, weightShape } from './convArgs';
import { checkStridesWithDilation, readFilters, readGeometry } from './convBase';
import { recordedParams } from '../signatures';
import { deconvOutputShape, type DeconvGeometry } from './convShape';

interface TransposeState {
  g: DeconvGeometry;
  filters: PyNum | null;
}

/** `__init__` of BaseConvTranspose, in its order of checks. */
function readTranspose(a: Args, rank: number): TransposeState {
  const geometry = readGeometry(a, rank, false);
  const op = a.known('output_padding');
  const outputPadding = op.kind === 'none' ? null : standardizeTuple(op, rank, 'output_padding', true);
  const g: DeconvGeometry = { ...geometry, outputPadding };
  const filters = readFilters(a);
  if (outputPadding) {
    outputPadding.forEach((o, i) => {
      if (o.value >= g.strides[i].value) {
        raise('convOutputPaddingTooLarge', {
          dim: i,
          outputPadding: outputPadding.map(numValue),
          strides: g.strides.map(numValue),
        });
      }
    });
  }
  checkStridesWithDilation(g);
  return { g, filters };
}

function transposeRule(rank: 1 | 2 | 3): LayerRule {
  const className = `Conv${rank}DTranspose`;
  return {
    className,
    signature: recordedParams(className),
    construct: (a) => readTranspose(a, rank),
    call(a, inputs, _ctx, state) {
      const { g, filters } = state as TransposeState;
      const name = layerName(a);
      const x = singleInput(name, inputs);
      checkInputSpec(name, x, { minNdim: rank + 2 });
      // build: the kernel is (*kernel_size, filters, channels); no output-size check there.
      const channel = channelOf(x, g.dataFormat);
      const weights: Weight[] = [
        { name: 'kernel', shape: weightShape(name, 'kernel', [...g.kernel, filters, channel]), trainable: true },
      ];
      if (a.bool('use_bias'))
        weights.push({ name: 'bias', shape: weightShape(name, 'bias', [filters]), trainable: true });
      // weightShape has refused a None or float `filters` above.
      // `compute_output_shape` runs inside the call.
      const output = duringCall(() => deconvOutputShape(x, g, (filters as PyNum).value));
      return { outputs: [output], weights };
    },
  };
}

export const transposeRules: LayerRule[] = [transposeRule(1), transposeRule(2), transposeRule(3)];
