/**
 * A body the analysis runs as one node of the caller's graph: a custom
 * layer's `call`, a `Lambda`'s function, a subclassed model's `call`. Keras
 * traces it on detached inputs with a concrete batch size; inside another
 * traced call it records no node.
 */

import type { Shape } from '../../shapes/shape';
import type { PyNode as SyntaxNode } from '../../syntax/ast';
import { emitNode } from '../graph';
import { asItems, type LayerObj, newTensor, spanOf, type Value } from '../values';
import type { KerasApi } from './api';
import { withMasks } from './masks';
import { flattenTensorValues } from './records';

/** Runs a body (a custom layer's `call`, a Lambda's function) on detached inputs: one graph node for the caller. */
export function callOpaque(
  api: KerasApi,
  layer: LayerObj,
  args: Value[],
  node: SyntaxNode,
  run: (detached: Value[]) => Value,
  params: () => LayerObj['params'],
  takesMask = false,
  passesMask = false,
  showsShapeWhenTraced = true,
): Value {
  // Called inside another traced call: no node, and a row shape only from a first build that has one (tracedRows.ts).
  const traced = api.tracing > 0;
  const firstBuild = layer.params === null;
  layer.called = true;
  const inputTensors = args.flatMap((a) => flattenTensorValues(a) ?? []);
  const detach = (v: Value): Value => {
    if (v.kind === 'tensor') return { kind: 'tensor', tensor: newTensor(v.tensor.shape) };
    const items = asItems(v);
    return items ? { kind: v.kind as 'list' | 'tuple', items: items.map(detach) } : v;
  };
  // Keras traces the body with a concrete batch size (JAX's eval_shape), which reshape can see.
  api.tracing++;
  let out: Value;
  try {
    out = run(args.map(detach));
  } finally {
    api.tracing--;
  }
  const outs = flattenTensorValues(out) ?? [];
  const shapes = outs.length > 0 ? outs.map((t) => t.shape) : [null];
  const eager = inputTensors.length === 0;
  const known = shapes.every((s) => s) ? (shapes as Shape[]) : null;
  const single = out.kind === 'tensor' || outs.length <= 1;
  if (!traced || (firstBuild && showsShapeWhenTraced)) {
    layer.outputShapes = known;
    layer.single = single;
  }
  layer.params = params();
  if (eager) return out;
  // A `call` that returns None (no `return`): Keras's symbolic call gives None too.
  if (out.kind === 'none' && !traced) return out;
  layer.callSpans.push({
    seq: api.nextSeq(),
    span: spanOf(node),
    outputs: known,
    single,
    inputs: inputTensors.map((t) => t.shape ?? []),
  });
  const result = api.nameTensors(emitNode(layer, withMasks(layer, inputTensors, takesMask), shapes, single));
  // A custom layer that sets `supports_masking = True` passes its input's mask on.
  if (passesMask && result.kind === 'tensor' && inputTensors[0]?.mask) result.tensor.mask = inputTensors[0].mask;
  return result;
}
