/**
 * Calling a built-in layer: the engine's answer for the call's shapes
 * (remembered on the call node for `layer(x)`), what the call leaves on the
 * layer record (its first build's shapes and weights, the call site), the
 * graph node and its mask; a `Lambda` runs its function as one node.
 */

import { errorOf, type CheckedError } from '../../shapes/errors';
import { type Called, callLayer } from '../../shapes/engine';
import type { ConstructedLayer } from '../../shapes/rule';
import { type Shape, shapesEqual } from '../../shapes/shape';
import type { CallArg } from '../../shapes/tensors';
import type { PyNode as SyntaxNode } from '../../syntax/ast';
import { emitNode } from '../graph';
import { withLayerName } from './errorNames';
import { asItems, kwarg, type LayerObj, newTensor, spanOf, type TensorObj, toPy, UNKNOWN, type Value } from '../values';
import type { KerasApi } from './api';
import type { CallMemo, ConstructMemo } from './layers';
import { setOutputMask, withMasks } from './masks';
import { callOpaque } from './opaque';
import { flattenTensorValues } from './records';
import { showsTracedShape } from './tracedRows';

/**
 * Calls a built-in layer (or a `Lambda`) on tensors or arrays: runs the
 * engine, records the graph node, returns the output tensor(s).
 */
export function callBuiltinLayer(
  api: KerasApi,
  layer: LayerObj,
  args: Value[],
  kwargs: Array<[string, Value]>,
  node: SyntaxNode,
): Value {
  if (args.length === 1 && kwargs.length === 0 && args[0].kind === 'tensor' && !layer.fn)
    return callOnTensor(api, layer, args[0].tensor, node);
  if (layer.fn && (layer.fn.kind === 'function' || layer.fn.kind === 'bound')) {
    const fn = layer.fn;
    const declared = lambdaOutputShape(layer, args[0]);
    // With `output_shape=` Keras takes the shape from it and does not trace the function.
    const run = (detached: Value[]): Value =>
      declared ? { kind: 'tensor', tensor: newTensor(declared) } : api.interp.call(fn, detached.slice(0, 1), [], node);
    return callOpaque(api, layer, args, node, run, () => ({ total: 0, trainable: 0, nonTrainable: 0 }));
  }
  const inputTensors: TensorObj[] = [];
  const toArg = (v: Value): CallArg => {
    if (v.kind === 'tensor') {
      inputTensors.push(v.tensor);
      if (!v.tensor.shape) return { kind: 'value', value: { kind: 'unknown' } };
      return v.tensor.kerasName
        ? { kind: 'tensor', shape: v.tensor.shape, name: v.tensor.kerasName }
        : { kind: 'tensor', shape: v.tensor.shape };
    }
    if (v.kind === 'array')
      return v.shape ? { kind: 'tensor', shape: v.shape } : { kind: 'value', value: { kind: 'unknown' } };
    const items = asItems(v);
    if (items && items.some((x) => x.kind === 'tensor' || x.kind === 'array' || asItems(x)))
      return { kind: 'list', items: items.map(toArg) };
    // What a library function returned may well be a tensor: not known, so nothing can be said.
    if (v.kind === 'object') return { kind: 'value', value: { kind: 'unknown' } };
    return { kind: 'value', value: toPy(v) };
  };
  const callArgs = args.map(toArg);
  const callKwargs: Record<string, CallArg> = {};
  for (const [k, v] of kwargs) callKwargs[k] = toArg(v);
  const unknownInput = [...callArgs, ...Object.values(callKwargs)].some(hasUnknownTensor);
  let result: Called;
  if (layer.constructed.status !== 'ok' || unknownInput) {
    result = {
      status: 'unknown',
      reason: layer.constructed.status !== 'ok' ? 'layer not known' : 'input shape not known',
    };
  } else {
    result = callLayer(layer.constructed.layer, { args: callArgs, kwargs: callKwargs }, api.options);
  }
  if (result.status === 'error') return api.interp.raise(withLayerName(result.error, layer), node);
  markCalled(api, layer);
  if (inputTensors.length === 0 && result.status === 'ok') {
    // An eager call on arrays records no node: the row shows the first build's shapes, if any (tracedRows.ts).
    if (!layer.params) {
      layer.params = result.params;
      layer.weights = result.weights;
      if (showsTracedShape(layer.className)) {
        layer.outputShapes = result.outputs;
        layer.single = result.single;
      }
    }
    const arrays: Value[] = result.outputs.map((shape) => ({ kind: 'array', shape }));
    return result.single ? arrays[0] : { kind: 'list', items: arrays };
  }
  return recordCall(api, layer, result, inputTensors, node);
}

/** The common call, `layer(x)` on one tensor: the same as `callBuiltinLayer` with less to allocate. */
function callOnTensor(api: KerasApi, layer: LayerObj, x: TensorObj, node: SyntaxNode): Value {
  const result: Called =
    layer.constructed.status !== 'ok' || x.shape === null
      ? { status: 'unknown', reason: layer.constructed.status !== 'ok' ? 'layer not known' : 'input shape not known' }
      : callOnShapeRemembered(api, layer.constructed.layer, x.shape, node, x.kerasName);
  if (result.status === 'error') return api.interp.raise(withLayerName(result.error, layer), node);
  return recordCall(api, layer, result, [x], node);
}

/** What a symbolic call leaves behind: the layer's shapes and weights (first build), the call site, the graph node. */
function recordCall(api: KerasApi, layer: LayerObj, result: Called, inputs: TensorObj[], node: SyntaxNode): Value {
  const inputShapes = inputs.map((t) => t.shape ?? []);
  const ok = result.status === 'ok';
  markCalled(api, layer);
  if (ok && layer.params) {
    const problem = rebuildProblem(layer, result.weights, inputShapes);
    if (problem) return api.interp.raise(problem, node);
  }
  if (ok) {
    // Inside a traced call Keras records no node: the row keeps the first build's shapes, if any (tracedRows.ts).
    if (api.tracing === 0 || (!layer.params && showsTracedShape(layer.className))) {
      layer.outputShapes = result.outputs;
      layer.single = result.single;
    }
    if (!layer.params) {
      layer.params = result.params;
      layer.weights = result.weights;
      layer.inputShapes = inputShapes;
    }
  }
  layer.callSpans.push({
    seq: api.nextSeq(),
    span: spanOf(node),
    outputs: ok ? result.outputs : null,
    single: ok ? result.single : true,
    inputs: inputShapes,
  });
  const out = api.nameTensors(
    emitNode(layer, withMasks(layer, inputs), ok ? result.outputs : [null], ok ? result.single : true),
  );
  if (out.kind === 'tensor') setOutputMask(api, layer, inputs, [out.tensor], node);
  return out;
}

/**
 * The engine's answer for `layer(x)`, remembered on the call node: when the
 * node runs again with the same constructed layer (constant constructors
 * are shared across runs) on an equal shape, the answer is the same.
 */
function callOnShapeRemembered(
  api: KerasApi,
  constructed: ConstructedLayer,
  shape: Shape,
  node: SyntaxNode,
  name?: string,
): Called {
  const memo = node.memo as ConstructMemo | CallMemo | undefined;
  const format = api.options.imageDataFormat;
  if (
    memo?.tag === 'call' &&
    memo.constructed === constructed &&
    memo.format === format &&
    memo.name === name &&
    shapesEqual(memo.shape, shape)
  )
    return memo.called;
  const arg = name === undefined ? { kind: 'tensor' as const, shape } : { kind: 'tensor' as const, shape, name };
  const called = callLayer(constructed, { args: [arg], kwargs: {} }, api.options);
  node.memo = { tag: 'call', constructed, format, shape, name, called } satisfies CallMemo;
  return called;
}

/** A Lambda's `output_shape=` tuple with the batch axis of its first input; undefined when not given as a tuple. */
function lambdaOutputShape(layer: LayerObj, input: Value | undefined): Shape | undefined {
  const declared = kwarg(layer.call.kwargs, 'output_shape') ?? layer.call.args[1];
  if (
    !declared ||
    (declared.kind !== 'tuple' && declared.kind !== 'list') ||
    declared.items.some((d) => d.kind !== 'int' && d.kind !== 'none')
  )
    return undefined;
  const first = flattenTensorValues(input ?? UNKNOWN)?.[0];
  if (!first?.shape) return undefined;
  return [first.shape[0] ?? null, ...declared.items.map((d) => (d.kind === 'int' ? d.value : null))];
}

/**
 * Sub-layers Keras makes without a name when a layer of these classes is built (MultiHeadAttention's
 * `_build_attention`): each draws its class's automatic name, so later layers of that class count on.
 */
const UNNAMED_SUBLAYERS: Record<string, readonly string[]> = {
  MultiHeadAttention: ['softmax', 'dropout'],
  GroupedQueryAttention: ['softmax', 'dropout'],
};

/** A layer's first call builds it: the names its unnamed sub-layers draw. */
function markCalled(api: KerasApi, layer: LayerObj): void {
  if (!layer.called) for (const stem of UNNAMED_SUBLAYERS[layer.className] ?? []) api.uniqueName(stem);
  layer.called = true;
}

function hasUnknownTensor(a: CallArg): boolean {
  if (a.kind === 'list') return a.items.some(hasUnknownTensor);
  return a.kind === 'value' && a.value.kind === 'unknown';
}

/**
 * A built layer keeps its weights: called again on inputs that would need
 * weights of other shapes, Keras refuses (the input spec its build set, or
 * the weights' own shapes). The message, in Keras's words where one axis
 * differs; undefined when the weights fit or are not all known.
 */
function rebuildProblem(layer: LayerObj, weights: LayerObj['weights'], inputShapes: Shape[]): CheckedError | undefined {
  const known = (ws: LayerObj['weights']) => ws.every((w) => w.shape.every((d) => typeof d === 'number'));
  if (layer.weights.length === 0 || weights.length !== layer.weights.length || !known(layer.weights) || !known(weights))
    return undefined;
  if (layer.weights.every((w, i) => shapesEqual(w.shape, weights[i].shape))) return undefined;
  const first = layer.inputShapes?.[0];
  const now = inputShapes[0];
  if (first && now && first.length === now.length) {
    const differ = first
      .map((d, k) => (k > 0 && typeof d === 'number' && typeof now[k] === 'number' && d !== now[k] ? k : -1))
      .filter((k) => k >= 0);
    if (differ.length === 1) {
      const k = differ[0];
      const axis = k === now.length - 1 ? -1 : k;
      return errorOf('layerWeightsAxis', { layer: layer.name, axis, value: first[k] as number, shape: now });
    }
  }
  return errorOf('layerWeightsMismatch', { layer: layer.name, built: first, given: now });
}
