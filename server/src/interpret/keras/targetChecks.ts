/**
 * The targets against an output, beside the loss (dataChecks.ts): the
 * `accuracy` metric as `fit` resolves it from the shapes (Keras's
 * `is_binary_or_sparse_categorical`, whatever the loss), and the cure of a
 * missing `Flatten`: an output that kept the spatial axes of the layers
 * before its last one, where the targets fit it without them.
 */

import type { Shape } from '../../shapes/shape';
import type { PyNode as SyntaxNode } from '../../syntax/ast';
import { formatShape } from '../../shapes/shape';
import { asItems, type LayerObj, type ModelObj, spanOf } from '../values';
import type { DataHint } from './dataChecks';
import { errorOf, type CheckedError } from '../../shapes/errors';

/** `metrics=["accuracy"]` (or `"acc"`), which Keras resolves by the shapes of the targets and the output. */
function wantsAccuracy(model: ModelObj): boolean {
  const m = model.compiled?.metrics;
  const items = m && (m.kind === 'list' || m.kind === 'tuple') ? asItems(m) : undefined;
  return items?.some((v) => v.kind === 'str' && (v.value === 'accuracy' || v.value === 'acc')) ?? false;
}

/** NumPy's broadcasting of two known shapes. */
function broadcastable(a: Shape, b: Shape): boolean {
  for (let k = 1; k <= Math.min(a.length, b.length); k++) {
    const x = a[a.length - k];
    const y = b[b.length - k];
    if (typeof x === 'number' && typeof y === 'number' && x !== y && x !== 1 && y !== 1) return false;
  }
  return true;
}

/**
 * The error `fit` raises building the `accuracy` metric on a batch of targets `t` against the output `o`
 * (both known, batch first), or undefined. Binary accuracy (an output of width 1) compares by broadcasting
 * after a threshold and is not judged here.
 */
export function accuracyError(model: ModelObj, t: Shape, o: Shape): CheckedError | undefined {
  if (!wantsAccuracy(model) || t.length === 0 || o.length === 0) return undefined;
  const tLast = t[t.length - 1];
  const oLast = o[o.length - 1];
  if (oLast === 1) return undefined;
  const sparse = t.length < o.length || (tLast === 1 && typeof oLast === 'number' && oLast > 1);
  // Sparse: the labels as they are (a trailing 1 squeezed at the same rank); categorical: their argmax.
  let labels = sparse ? t : t.slice(0, -1);
  if (labels.length === o.length && (!sparse || labels[labels.length - 1] === 1)) labels = labels.slice(0, -1);
  const predicted = o.slice(0, -1);
  if (broadcastable(labels, predicted)) return undefined;
  // Same ranks reach `lax.eq`; different ranks fail in JAX's rank promotion first.
  return labels.length === predicted.length
    ? errorOf('eqBroadcast', { a: labels, b: predicted })
    : errorOf('rankBroadcast', { a: labels, b: predicted });
}

const POOLING: Record<number, string> = {
  1: 'GlobalAveragePooling1D',
  2: 'GlobalAveragePooling2D',
  3: 'GlobalAveragePooling3D',
};

/** The layer that makes a model's output `i`. */
function lastLayer(model: ModelObj, i: number): LayerObj | undefined {
  if (model.functional) return model.functional.outputs[i]?.node?.op;
  return i === 0 ? model.layers.at(-1) : undefined;
}

/**
 * The missing `Flatten`: an output of rank 3 or more whose targets fit it once its middle axes are gone
 * (one-hot rows of its width, or one label per sample), noted as the cure of the error the check raises.
 */
export function missingFlattenHint(
  model: ModelObj,
  ys: Shape[],
  outs: Shape[],
  node: SyntaxNode,
): DataHint | undefined {
  for (let i = 0; i < outs.length && i < ys.length; i++) {
    const o = outs[i];
    const y = ys[i];
    if (o.length < 3) continue;
    const width = o[o.length - 1];
    const kept = o.slice(1, -1);
    const fits = (y.length === 2 && (y[1] === width || y[1] === 1)) || y.length === 1;
    const layer = lastLayer(model, i);
    if (!fits || !layer || !POOLING[kept.length]) continue;
    return {
      span: spanOf(node),
      id: 'hint.missingFlatten',
      args: {
        output: formatShape([null, ...o.slice(1)]),
        axes: formatShape(kept),
        layer: layer.className,
        targets: formatShape(y),
        pool: POOLING[kept.length],
        fixed: formatShape([null, width]),
      },
    };
  }
  return undefined;
}
