/**
 * Core layers (`keras/src/layers/core/`): Dense, EinsumDense, Embedding,
 * ReversibleEmbedding, Masking, Identity, InputLayer, and Activation (which Keras keeps under
 * `layers/activations/` but exports as a core layer).
 *
 * EinsumDense lives in coreEinsum.ts (MultiHeadAttention reuses it),
 * InputLayer in coreInput.ts, and the weights quantizing dtype policies
 * build in coreQuantized.ts.
 */

import { truthy } from '../args';
import { quantizationOf } from '../dtypePolicy';
import { cannotTell, duringCall, raise } from '../errors';
import { checkInputSpec, singleInput } from '../inputSpec';
import { shapeTuple } from '../messages/base';
import { layerName } from '../naming';
import type { Dim, Shape } from '../shape';
import { flattenTensors, type CallInputs } from '../tensors';
import type { LayerRule, Weight } from '../rule';
import type { Args } from '../args';
import { recordedParams } from '../signatures';
import { loraWeights, einsumRules } from './coreEinsum';
import { inputLayerRules } from './coreInput';
import { makeWeight, sizeDim } from './corePy';
import { denseKernel, embeddingTable, reverseTable } from './coreQuantized';

const dense: LayerRule = {
  className: 'Dense',
  signature: recordedParams('Dense'),
  construct(a) {
    if (a.get('units').kind !== 'unknown') a.positiveInt('units');
    return undefined;
  },
  call(a, inputs) {
    const name = layerName(a);
    const x = singleInput(name, inputs);
    checkInputSpec(name, x, { minNdim: 2 });
    // Units the source does not tell (`Dense(num_classes)` from data): the last axis is '?', the count unknown.
    const units: Dim = a.get('units').kind === 'unknown' ? '?' : a.positiveInt('units');
    const last = x[x.length - 1];
    // `build` makes the kernel (input_shape[-1], units): a None there is the variable's error.
    if (last === null) raise('variableShapeUndefined', { shape: shapeTuple([last, units]), path: `${name}/kernel` });
    const built = denseKernel(name, quantizationOf(a), last, units);
    const weights: Weight[] = [...built.weights];
    if (a.bool('use_bias')) weights.push({ name: 'bias', shape: [units], trainable: true });
    weights.push(...lora(a, name, built.kernel, [last, units], 'kernel'));
    return { outputs: [[...x.slice(0, -1), units]], weights };
  },
};

/**
 * `enable_lora`, which `build` runs when `lora_rank` is truthy: the kernel
 * (or embeddings) freezes and two trainable factors of its logical shape
 * (`shape`: an int4 kernel is stored packed) are added.
 */
function lora(a: Args, path: string, frozen: Weight, shape: Shape, what: 'kernel' | 'embeddings'): Weight[] {
  if (!a.bool('lora_rank')) return [];
  const constraint = `${what}_constraint`;
  if (a.bool(constraint)) {
    raise('loraWithConstraint', { what: what === 'kernel' ? 'kernel' : 'embedding', argument: constraint });
  }
  const rank = sizeDim(a.get('lora_rank'), (r) => shapeTuple([shape[0], r]));
  return loraWeights(path, frozen, shape, rank);
}

/** Activation and Identity return what they are given: one tensor, or each tensor of a list. */
function passThrough(inputs: CallInputs): { outputs: Shape[]; single: boolean; weights: Weight[] } {
  const first = inputs.args[0] ?? inputs.kwargs['inputs'];
  if (first?.kind === 'tensor') return { outputs: [first.shape], single: true, weights: [] };
  const shapes = flattenTensors(first);
  if (shapes.length === 0) raise('expectedTensorInput', {});
  return { outputs: shapes, single: false, weights: [] };
}

const activation: LayerRule = {
  className: 'Activation',
  signature: recordedParams('Activation'),
  call: (_a, inputs) => passThrough(inputs),
};

const identity: LayerRule = {
  className: 'Identity',
  signature: recordedParams('Identity'),
  call: (_a, inputs) => passThrough(inputs),
};

const masking: LayerRule = {
  className: 'Masking',
  signature: recordedParams('Masking'),
  call(a, inputs) {
    const x = singleInput(layerName(a), inputs);
    // The mask is computed on call with `any(..., axis=-1)`: a scalar has no last axis.
    if (x.length === 0) duringCall(() => raise('maskingScalar', {}));
    return { outputs: [x], weights: [] };
  },
};

/** Embedding's own check of `input_dim`/`output_dim`: a real int (not a bool), > 0. */
function embeddingDim(a: Args, name: string): number {
  const v = a.known(name);
  if (v.kind !== 'int' || v.numpy || v.value <= 0) raise('embeddingDimInvalid', { name, value: v });
  return v.value;
}

const embedding: LayerRule = {
  className: 'Embedding',
  signature: recordedParams('Embedding'),
  construct(a) {
    embeddingDim(a, 'input_dim');
    embeddingDim(a, 'output_dim');
    return undefined;
  },
  call(a, inputs) {
    const name = layerName(a);
    const x = singleInput(name, inputs);
    const inputDim = embeddingDim(a, 'input_dim');
    const outputDim = embeddingDim(a, 'output_dim');
    const table = embeddingTable(name, quantizationOf(a), inputDim, outputDim);
    const weights = [...table.weights, ...lora(a, name, table.kernel, [inputDim, outputDim], 'embeddings')];
    return { outputs: [[...x, outputDim]], weights };
  },
};

/**
 * ReversibleEmbedding: an Embedding that, called with `reverse=True`, maps
 * vectors back to logits over the vocabulary, with the embedding table
 * itself (`tie_weights=True`) or its own `(output_dim, input_dim)` table.
 */
const reversibleEmbedding: LayerRule = {
  className: 'ReversibleEmbedding',
  signature: recordedParams('ReversibleEmbedding'),
  construct(a) {
    embeddingDim(a, 'input_dim');
    embeddingDim(a, 'output_dim');
    return undefined;
  },
  call(a, inputs) {
    const name = layerName(a);
    const x = singleInput(name, inputs);
    const inputDim = embeddingDim(a, 'input_dim');
    const outputDim = embeddingDim(a, 'output_dim');
    const quant = quantizationOf(a);
    const table = embeddingTable(name, quant, inputDim, outputDim);
    const weights = [...table.weights];
    const untied = !a.bool('tie_weights');
    // The quantized build makes the reverse table with the others; `enable_lora` then locks the layer.
    if (untied && quant !== null && quant.mode !== 'float8')
      weights.push(...reverseTable(name, quant, inputDim, outputDim));
    weights.push(...lora(a, name, table.kernel, [inputDim, outputDim], 'embeddings'));
    if (untied && (quant === null || quant.mode === 'float8')) {
      // The float reverse table comes after LoRA has locked the layer's variables: Keras's tracker refuses.
      if (a.bool('lora_rank')) raise('variablesLocked', {});
      weights.push(makeWeight(`${name}/reverse_embeddings`, [outputDim, inputDim]));
    }
    // `call(inputs, reverse=False)`.
    const reverse = inputs.args[1] ?? inputs.kwargs['reverse'];
    if (reverse !== undefined && reverse.kind !== 'value')
      cannotTell('ReversibleEmbedding: `reverse` is not a plain value');
    const reversed = reverse !== undefined && truthy(reverse.value);
    return { outputs: [reversed ? [...x.slice(0, -1), inputDim] : [...x, outputDim]], weights };
  },
};

export const rules: LayerRule[] = [
  dense,
  ...einsumRules,
  embedding,
  reversibleEmbedding,
  masking,
  identity,
  activation,
  ...inputLayerRules,
];
