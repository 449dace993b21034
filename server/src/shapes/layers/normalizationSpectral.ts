/**
 * SpectralNormalization (`keras/src/layers/normalization/spectral_normalization.py`):
 * a `Wrapper` around a layer that owns a `kernel` (or `embeddings`)
 * variable. It builds the inner layer, then adds one non-trainable
 * `vector_u` of shape `(1, kernel.shape[-1])`; the output is the inner
 * layer's.
 */

import { truthy } from '../args';
import { cannotTell, raise } from '../errors';
import type { ConstructedLayer, LayerRule, Weight } from '../rule';
import { recordedParams } from '../signatures';
import attributes from '../layerAttributes.json';
import { comparable } from './normalizationHelpers';

/**
 * Classes whose instances have a `kernel` or `embeddings` attribute after
 * `build`, and classes built without either, recorded by building them in
 * Keras (`layerAttributes.json`, `test/truth/layer-attributes/record.py`).
 * RNN layers keep their kernel on the cell and SeparableConv has two
 * differently named kernels, so Keras rejects them.
 */
const HAS_KERNEL = new Set(attributes.with);
const HAS_NO_KERNEL = new Set(attributes.without);

export const spectralNormalization: LayerRule = {
  className: 'SpectralNormalization',
  signature: recordedParams('SpectralNormalization'),
  construct(a, ctx) {
    const v = a.known('layer');
    if (v.kind === 'object' && v.called) cannotTell('wrapped object may be a layer');
    if (v.kind !== 'layer') {
      raise('wrapperLayerInvalid', { layer: v });
    }
    const inner = ctx.construct(v.call);
    const n = comparable(a.known('power_iterations'), '<=');
    if (n <= 0) {
      raise('powerIterationsNotPositive', { value: a.known('power_iterations') });
    }
    return inner;
  },
  call(_a, inputs, ctx, state) {
    const inner = state as ConstructedLayer;
    const cls = inner.rule.className;
    if (HAS_NO_KERNEL.has(cls)) raise('spectralNoKernel', { className: cls });
    if (!HAS_KERNEL.has(cls)) cannotTell(`${cls}: not recorded whether it has a kernel`);
    const result = ctx.call(inner, inputs);
    // `trainable=False` on the wrapped layer freezes its variables (the engine does not apply the base kwarg itself).
    const frozen = inner.args.given('trainable') && !truthy(inner.args.get('trainable'));
    if (frozen) result.weights = result.weights.map((w) => ({ ...w, trainable: false }));
    const kernel = result.weights.find((w) => w.name === 'kernel' || w.name === 'embeddings');
    if (!kernel) cannotTell(`${cls}: kernel weight not reported by its rule`);
    const vectorU: Weight = { name: 'vector_u', shape: [1, kernel.shape[kernel.shape.length - 1]], trainable: false };
    return { ...result, weights: [...result.weights, vectorU] };
  },
};
