/**
 * The functional API: `keras.Input` (its InputLayer and tensor) and
 * `keras.Model(inputs, outputs)` over the recorded graph, with Keras's
 * checks (tensors only, outputs connected to the inputs, unique names).
 */

import { errorOf } from '../../shapes/errors';
import type { Shape } from '../../shapes/shape';
import type { PyNode as SyntaxNode } from '../../syntax/ast';
import { findDisconnected, functionalOps, inputTensor } from '../graph';
import {
  asItems,
  asShape,
  type GraphNode,
  layerBuilt,
  type LayerObj,
  type ModelObj,
  newTensor,
  spanOf,
  type TensorObj,
  type Value,
} from '../values';
import type { KerasApi } from './api';
import { batchNamedDimension } from './layers';
import { flattenTensorValues, makeInputLayer, newModel } from './records';

export function makeInput(api: KerasApi, args: Value[], kwargs: Array<[string, Value]>, node: SyntaxNode): Value {
  const kw = new Map(kwargs);
  const shapeV = args[0] ?? kw.get('shape');
  const batchSize = args[1] ?? kw.get('batch_size');
  const batchShape = kw.get('batch_shape');
  let shape: Shape | null = null;
  if (batchShape && batchShape.kind !== 'none') shape = asShape(batchShape);
  else if (shapeV && shapeV.kind !== 'none') {
    const s = asItems(shapeV) ? asShape(shapeV) : null;
    if (shapeV.kind === 'int') return api.interp.raise(errorOf('inputShapeInt', { value: shapeV.value }), node);
    shape = s ? [batchSize?.kind === 'int' ? batchSize.value : null, ...s] : null;
  }
  const layer = makeInputLayer(api, shape, node, kw.get('name'));
  if (!batchShape) layer.batchNamedDim = batchNamedDimension(node, 'shape', 0);
  return api.nameTensors(inputTensor(layer));
}

export function makeFunctional(api: KerasApi, args: Value[], kwargs: Array<[string, Value]>, node: SyntaxNode): Value {
  const kw = new Map(kwargs);
  // Keras 1's `Model(input=..., output=...)`: Keras 3 refuses the old names.
  const legacy = kwargs.filter(([k]) => k === 'input' || k === 'output').map(([k]) => k);
  if (legacy.length > 0) return api.interp.raise(errorOf('modelLegacyKeywords', { names: legacy }), node);
  const inputsV = args[0] ?? kw.get('inputs');
  const outputsV = args[1] ?? kw.get('outputs');
  if (!inputsV || !outputsV) {
    // `keras.Model()` with no graph: nothing to list.
    return { kind: 'object', qualname: 'keras.Model' };
  }
  for (const [what, v] of [
    ['inputs', inputsV],
    ['outputs', outputsV],
  ] as const) {
    const bad = notATensorAmong(v);
    // A layer never called (`out = layers.Dense(1)`), or the None a layer's `call` without `return` gives, where a tensor belongs.
    const single = v.kind === 'none' || v.kind === 'layer';
    if (bad === 'None') return api.interp.raise(errorOf('modelNoneAmongTensors', { what, single }), node);
    if (bad) return api.interp.raise(errorOf('modelLayerAmongTensors', { what, ...bad, single }), node);
  }
  const inputs = flattenTensorValues(inputsV);
  const outputs = flattenTensorValues(outputsV);
  const problem = inputs && outputs ? findDisconnected(inputs, outputs) : undefined;
  if (problem) return api.interp.raise(problem, node);
  const repeated = inputs && outputs ? repeatedName(functionalOps(inputs, outputs)) : undefined;
  if (repeated)
    return api.interp.raise(errorOf('repeatedOperationName', { name: repeated.name, count: repeated.count }), node);
  const model = newModel(api, 'Functional', node, kw.get('name'));
  fillFunctional(api, model, inputsV, outputsV, node);
  return { kind: 'model', model };
}

/** A name the source gives to two different layers of one graph (only names written in the source are compared). */
function repeatedName(ops: LayerObj[]): { name: string; count: number } | undefined {
  const counts = new Map<string, number>();
  for (const op of ops) if (op.namedInSource) counts.set(op.name, (counts.get(op.name) ?? 0) + 1);
  for (const [name, count] of counts) if (count > 1) return { name, count };
  return undefined;
}

/** A layer, a model or None inside a structure of model inputs or outputs (where Keras wants tensors). */
function notATensorAmong(v: Value): { className: string; name: string; built: boolean } | 'None' | undefined {
  if (v.kind === 'none') return 'None';
  if (v.kind === 'layer') return { className: v.layer.className, name: v.layer.name, built: layerBuilt(v.layer) };
  if (v.kind === 'model') return { className: v.model.kind, name: v.model.name, built: true };
  if (v.kind === 'dict') {
    for (const [, item] of v.entries) {
      const hit = notATensorAmong(item);
      if (hit) return hit;
    }
    return undefined;
  }
  for (const item of asItems(v) ?? []) {
    const hit = notATensorAmong(item);
    if (hit) return hit;
  }
  return undefined;
}

/** Makes `model` the functional graph from `inputsV` to `outputsV` (broken when they are not known tensors). */
export function fillFunctional(
  api: KerasApi,
  model: ModelObj,
  inputsV: Value,
  outputsV: Value,
  node: SyntaxNode,
): void {
  let inputs = flattenTensorValues(inputsV);
  let outputs = flattenTensorValues(outputsV);
  if (inputs === undefined || outputs === undefined) {
    model.broken = true;
    return;
  }
  const problem = findDisconnected(inputs, outputs);
  if (problem) {
    api.interp.raise(problem, node);
    model.broken = true;
    return;
  }
  // Tensors among the inputs that no `keras.Input` made: Keras gives each an Input of its own and cuts the graph there.
  if (inputs.some((t) => !t.node?.isInput)) {
    const cloned = cloneGraphNodes(api, inputs, outputs, node);
    inputs = cloned.inputs;
    outputs = cloned.outputs;
  }
  const ops = functionalOps(inputs, outputs);
  // Outputs given as a dict are named by its keys, in the sorted order Keras flattens them in.
  const keys =
    outputsV.kind === 'dict' && outputsV.entries.every(([k]) => k.kind === 'str')
      ? outputsV.entries.map(([k]) => (k as { value: string }).value).sort()
      : undefined;
  model.functional = { inputs, outputs, ops, outputKeys: keys };
  model.layers = ops;
  model.built = true;
  model.inputShape = inputs[0]?.shape ?? null;
  model.outputShapes = outputs.every((t) => t.shape) ? outputs.map((t) => t.shape!) : null;
}

/**
 * Keras's `clone_graph_nodes`: each input tensor that is not a `keras.Input`'s becomes a new Input of its
 * shape, made on the model's line and named after the tensor (`<tensor name>CLONE`; the number Keras gives
 * the tensor, `_N` or none, is not followed, so it reads `keras_tensor?`); the nodes from the inputs to the outputs are
 * copied over their same layers, so that the model starts at those Inputs. The original graph is untouched.
 */
function cloneGraphNodes(
  api: KerasApi,
  inputs: TensorObj[],
  outputs: TensorObj[],
  node: SyntaxNode,
): { inputs: TensorObj[]; outputs: TensorObj[] } {
  const mapped = new Map<TensorObj, TensorObj>();
  // The copies are KerasTensors of their own, not counted here.
  api.tensorsCounted = false;
  const newInputs = inputs.map((t) => {
    if (t.node?.isInput) {
      mapped.set(t, t);
      return t;
    }
    const layer = api.makeOp('InputLayer', spanOf(node), 'keras_tensor?CLONE');
    layer.isOp = false;
    layer.inputShape = t.shape ?? undefined;
    layer.outputShapes = t.shape ? [t.shape] : null;
    const clone = (inputTensor(layer) as { tensor: TensorObj }).tensor;
    mapped.set(t, clone);
    return clone;
  });
  const nodes = new Map<GraphNode, GraphNode>();
  // Iteratively, children before parents: a graph may be deeper than the stack.
  const copyOf = (t: TensorObj): TensorObj => {
    const stack: TensorObj[] = [t];
    while (stack.length > 0) {
      const top = stack[stack.length - 1];
      const n = top.node;
      if (mapped.has(top) || !n || n.isInput) {
        if (!mapped.has(top)) mapped.set(top, top);
        stack.pop();
        continue;
      }
      const pending = n.inputs.filter((i) => !mapped.has(i));
      if (pending.length > 0) {
        stack.push(...pending);
        continue;
      }
      let copy = nodes.get(n);
      if (!copy) {
        const made: GraphNode = {
          op: n.op,
          inputs: n.inputs.map((i) => mapped.get(i)!),
          outputs: [],
          isInput: false,
          mark: 0,
          depth: 0,
        };
        made.outputs = n.outputs.map((o) => ({ ...newTensor(o.shape, made, o.index), mask: o.mask }));
        nodes.set(n, made);
        copy = made;
      }
      n.outputs.forEach((o, k) => mapped.set(o, copy.outputs[k]));
      stack.pop();
    }
    return mapped.get(t)!;
  };
  return { inputs: newInputs, outputs: outputs.map(copyOf) };
}
