/**
 * `model.quantize("int8")`: Keras replaces the float kernel of each Dense,
 * EinsumDense and Embedding layer by an int8 kernel of the same shape and a
 * per-output scale (per-row for Embedding), both non-trainable; biases stay
 * trainable. Parameter counts change accordingly (checked against Keras
 * 3.15). Other modes (int4, float8) add variables this does not model: the
 * counts of the layers they touch become unknown.
 */

import type { Shape } from '../../shapes/shape';
import type { LayerObj, Value } from '../values';

/** The classes that override `Layer.quantize` (ReversibleEmbedding's scales are not modelled: its counts become unknown). */
export const QUANTIZABLE = new Set(['Dense', 'EinsumDense', 'Embedding', 'ReversibleEmbedding']);

/** The quantization mode of `quantize(mode)` or `quantize(config=...)`, when known. */
export function quantizeMode(args: Value[], kwargs: Array<[string, Value]>): string | undefined {
  const v = args[0] ?? kwargs.find(([k]) => k === 'mode' || k === 'config')?.[1];
  if (v?.kind === 'str') return v.value;
  if (v?.kind === 'object')
    return /Int8/.test(v.qualname)
      ? 'int8'
      : /Int4/.test(v.qualname)
        ? 'int4'
        : /Float8/.test(v.qualname)
          ? 'float8'
          : undefined;
  return undefined;
}

function size(shape: Shape): number | null {
  let n = 1;
  for (const d of shape) {
    if (typeof d !== 'number') return null;
    n *= d;
  }
  return n;
}

/** The scale Keras keeps for an int8 kernel: one value per output (per row of an embedding table). */
function scaleShape(layer: LayerObj, kernel: Shape): Shape | null {
  if (layer.className === 'Dense') return [kernel[kernel.length - 1]];
  if (layer.className === 'Embedding') return [kernel[0]];
  // EinsumDense: the kernel's axes that are not summed over with the input (`abc,cd->abd`: d).
  const eq = layer.call.args[0] ?? layer.call.kwargs.find(([k]) => k === 'equation')?.[1];
  if (eq?.kind !== 'str') return null;
  const m = /^([a-zA-Z.]+),([a-zA-Z.]+)->([a-zA-Z.]+)$/.exec(eq.value.replace(/\s/g, ''));
  if (!m || m[2].length !== kernel.length) return null;
  const [, input, weight] = m;
  return kernel.filter((_, i) => !input.includes(weight[i]));
}

/** Applies `quantize(mode)` to the layers of a model. */
export function quantizeModel(layers: LayerObj[], mode: string | undefined): void {
  for (const layer of layers) {
    if (!QUANTIZABLE.has(layer.className) || !layer.params) continue;
    const kernel = layer.weights.find((w) => w.name === 'kernel' || w.name === 'embeddings');
    const scale = mode === 'int8' && kernel ? scaleShape(layer, kernel.shape) : null;
    const kernelSize = kernel ? size(kernel.shape) : null;
    const scaleSize = scale ? size(scale) : null;
    if (kernelSize === null || scaleSize === null) {
      layer.params = { total: null, trainable: null, nonTrainable: null };
      continue;
    }
    // Everything but the kernel (a bias) keeps its place; kernel and scale are not trainable.
    let trainable = 0;
    let nonTrainable = kernelSize + scaleSize;
    for (const w of layer.weights) {
      if (w === kernel) continue;
      const n = size(w.shape);
      if (n === null) {
        layer.params = { total: null, trainable: null, nonTrainable: null };
        break;
      }
      if (w.trainable) trainable += n;
      else nonTrainable += n;
    }
    if (layer.params.total !== null) layer.params = { total: trainable + nonTrainable, trainable, nonTrainable };
  }
}
