/**
 * The functional graph between a model's inputs and outputs: which
 * operations it holds and in which order `summary()` lists them (Keras
 * orders operations by depth from the outputs, deepest first, and within a
 * depth by first discovery in a depth-first walk from the outputs), and the
 * check that every output is reachable from the declared inputs.
 *
 * Every wing that runs a layer or an op records a node here (`emitNode`).
 *
 * Both walks run each time a model is made, over graphs of thousands of
 * nodes while a file is edited: a node is marked as seen with the number of
 * the walk (`mark`) instead of going into a fresh set.
 */

import { errorOf, type CheckedError } from '../shapes/errors';
import type { Shape } from '../shapes/shape';
import { newTensor, type GraphNode, type LayerObj, type TensorObj, type Value } from './values';

let walks = 0;

/** The message Keras gives when an output depends on an input that was not declared; undefined when connected. */
export function findDisconnected(inputs: TensorObj[], outputs: TensorObj[]): CheckedError | undefined {
  const walk = ++walks;
  const stack: TensorObj[] = outputs.slice();
  while (stack.length > 0) {
    const t = stack.pop()!;
    if (inputs.includes(t)) continue;
    const node = t.node;
    if (!node) continue; // Origin not known: say nothing.
    if (node.mark === walk) continue;
    node.mark = walk;
    if (node.isInput) {
      return errorOf('outputNotConnected', { input: node.op.name });
    }
    for (let i = 0; i < node.inputs.length; i++) stack.push(node.inputs[i]);
  }
  return undefined;
}

/** Operations of the graph in Keras's summary order. */
export function functionalOps(inputs: TensorObj[], outputs: TensorObj[]): LayerObj[] {
  const walk = ++walks;
  // Nodes in post-order of a depth-first walk from the outputs (inputs before their users);
  // each op gets the order of its discovery and, below, its depth (`walkIndex`, `walkDepth`).
  const order: GraphNode[] = [];
  const ops: LayerObj[] = [];
  const discover = (op: LayerObj, index: number): void => {
    if (op.walk === walk) return;
    op.walk = walk;
    op.walkIndex = index;
    op.walkDepth = 0;
    ops.push(op);
  };
  // Depth-first without recursion (a chain of 20,000 layers is deeper than the stack): a node is
  // discovered when entered and ordered once all its inputs are.
  const stack: Array<{ node: GraphNode; next: number }> = [];
  const enter = (t: TensorObj): void => {
    const node = t.node;
    if (!node || node.mark === walk) return;
    if (!node.isInput && inputs.includes(t)) {
      node.mark = walk;
      return;
    }
    discover(node.op, ops.length);
    stack.push({ node, next: 0 });
  };
  const visit = (t: TensorObj): void => {
    enter(t);
    while (stack.length > 0) {
      const top = stack[stack.length - 1];
      const node = top.node;
      if (!node.isInput && top.next < node.inputs.length) {
        enter(node.inputs[top.next++]);
        continue;
      }
      stack.pop();
      node.mark = walk;
      node.depth = 0;
      order.push(node);
    }
  };
  for (const o of outputs) visit(o);
  // Depths from the outputs, users before their inputs; a layer called several times takes its deepest node.
  const inGraph = walk + 0.5;
  for (const node of order) node.mark = inGraph;
  for (let k = order.length - 1; k >= 0; k--) {
    const node = order[k];
    const depth = Math.max(node.depth, node.op.walkDepth);
    node.depth = depth;
    node.op.walkDepth = depth;
    for (const i of node.inputs) {
      const parent = i.node;
      if (parent && parent.mark === inGraph && parent.depth < depth + 1) parent.depth = depth + 1;
    }
  }
  // Declared inputs the outputs do not use are still listed, first.
  for (const t of inputs) {
    const op = t.node?.op;
    if (op && t.node?.isInput) discover(op, -1);
  }
  return ops.sort((a, b) => b.walkDepth - a.walkDepth || a.walkIndex - b.walkIndex);
}

/** Records a graph node of `op` on `inputs` and returns its output tensor(s). */
export function emitNode(op: LayerObj, inputs: TensorObj[], outputs: Array<Shape | null>, single: boolean): Value {
  const gnode: GraphNode = { op, inputs, outputs: [], isInput: false, mark: 0, depth: 0 };
  gnode.outputs = outputs.map((shape, index) => newTensor(shape, gnode, index));
  op.lastOutputs = gnode.outputs;
  const values: Value[] = gnode.outputs.map((t) => ({ kind: 'tensor', tensor: t }));
  return single ? values[0] : { kind: 'list', items: values };
}

/** Whether each tensor asked about is known to be a KerasTensor (a memo: a node's inputs never change). */
const kerasTensors = new WeakMap<TensorObj, boolean>();

/**
 * Whether `t` is known to be Keras's symbolic tensor: it descends from an `Input` (a layer called on any
 * KerasTensor gives KerasTensors). A tensor a model or layer made from a value the analysis does not know
 * may be an eager one (a layer called on a TensorFlow tensor): what refuses a KerasTensor does not
 * refuse it.
 */
export function isKerasTensor(t: TensorObj): boolean {
  const memo = kerasTensors.get(t);
  if (memo !== undefined) return memo;
  const seen = new Set<GraphNode>();
  const stack: TensorObj[] = [t];
  let found = false;
  while (stack.length > 0 && !found) {
    const n = stack.pop()!.node;
    if (!n || seen.has(n)) continue;
    seen.add(n);
    if (n.isInput) found = true;
    else for (const i of n.inputs) stack.push(i);
  }
  kerasTensors.set(t, found);
  return found;
}

/** The node an `Input` (the InputLayer `layer`) starts a graph with: its tensor. */
export function inputTensor(layer: LayerObj): Value {
  const gnode: GraphNode = { op: layer, inputs: [], outputs: [], isInput: true, mark: 0, depth: 0 };
  gnode.outputs = [newTensor(layer.inputShape ?? null, gnode)];
  return { kind: 'tensor', tensor: gnode.outputs[0] };
}
