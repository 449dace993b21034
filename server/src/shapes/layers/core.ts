/**
 * Core layers (`keras/src/layers/core/`): Dense, EinsumDense, Embedding,
 * Masking, Identity, Activation, InputLayer.
 */

import { p } from '../args';
import { raise } from '../errors';
import { checkInputSpec, singleInput } from '../inputSpec';
import type { LayerRule } from '../rule';

const dense: LayerRule = {
  className: 'Dense',
  signature: [
    p('units'),
    p('activation', null),
    p('use_bias', true),
    p('kernel_initializer', 'glorot_uniform'),
    p('bias_initializer', 'zeros'),
    p('kernel_regularizer', null),
    p('bias_regularizer', null),
    p('activity_regularizer', null),
    p('kernel_constraint', null),
    p('bias_constraint', null),
    p('lora_rank', null),
    p('lora_alpha', null),
    p('quantization_config', null),
  ],
  construct(a) {
    a.positiveInt('units');
    return undefined;
  },
  call(a, inputs) {
    const x = singleInput('Dense', inputs);
    checkInputSpec('Dense', x, { minNdim: 2 });
    const units = a.positiveInt('units');
    const last = x[x.length - 1];
    if (last === null) {
      raise(`The last dimension of the inputs to a Dense layer should be defined. Found None. Full input shape received: (${x.map(String).join(', ')})`);
    }
    const weights = [{ name: 'kernel', shape: [last, units], trainable: true }];
    if (a.bool('use_bias')) weights.push({ name: 'bias', shape: [units], trainable: true });
    return { outputs: [[...x.slice(0, -1), units]], weights };
  },
};

export const rules: LayerRule[] = [dense];
