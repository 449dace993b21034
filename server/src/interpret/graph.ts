/**
 * The functional graph between a model's inputs and outputs: which
 * operations it holds and in which order `summary()` lists them (Keras
 * orders operations by depth from the outputs, deepest first, and within a
 * depth by first discovery in a depth-first walk from the outputs), and the
 * check that every output is reachable from the declared inputs.
 */

import type { GraphNode, LayerObj, TensorObj } from './values';

/** The message Keras gives when an output depends on an input that was not declared; undefined when connected. */
export function findDisconnected(inputs: TensorObj[], outputs: TensorObj[]): string | undefined {
  const declared = new Set(inputs);
  const seen = new Set<GraphNode>();
  const stack = outputs.map((t) => ({ t }));
  while (stack.length > 0) {
    const { t } = stack.pop()!;
    if (declared.has(t)) continue;
    const node = t.node;
    if (!node) continue; // Origin not known: say nothing.
    if (seen.has(node)) continue;
    seen.add(node);
    if (node.isInput) {
      return `Output is not connected to \`inputs\`: it depends on the input '${node.op.name}', which is not among the model's inputs.`;
    }
    for (const i of node.inputs) stack.push({ t: i });
  }
  return undefined;
}

/** Operations of the graph in Keras's summary order. */
export function functionalOps(inputs: TensorObj[], outputs: TensorObj[]): LayerObj[] {
  const declared = new Set(inputs);
  const finished = new Set<GraphNode>();
  const order: GraphNode[] = [];
  const opIndex = new Map<LayerObj, number>();
  const visit = (t: TensorObj): void => {
    const node = t.node;
    if (!node || finished.has(node)) return;
    if (!node.isInput && declared.has(t)) {
      finished.add(node);
      return;
    }
    if (!opIndex.has(node.op)) opIndex.set(node.op, opIndex.size);
    if (!node.isInput) for (const i of node.inputs) visit(i);
    finished.add(node);
    order.push(node);
  };
  for (const o of outputs) visit(o);
  const inGraph = new Set(order);
  const nodeDepth = new Map<GraphNode, number>();
  const opDepth = new Map<LayerObj, number>();
  for (let k = order.length - 1; k >= 0; k--) {
    const node = order[k];
    const depth = Math.max(nodeDepth.get(node) ?? 0, opDepth.get(node.op) ?? 0);
    nodeDepth.set(node, depth);
    opDepth.set(node.op, depth);
    for (const i of node.inputs) {
      const parent = i.node;
      if (!parent || !inGraph.has(parent)) continue;
      nodeDepth.set(parent, Math.max(depth + 1, nodeDepth.get(parent) ?? 0));
    }
  }
  for (const t of inputs) {
    const op = t.node?.op;
    if (op && t.node?.isInput && !opDepth.has(op)) {
      opDepth.set(op, 0);
      opIndex.set(op, -1);
    }
  }
  const ops = [...opDepth.keys()];
  ops.sort((a, b) => opDepth.get(b)! - opDepth.get(a)! || opIndex.get(a)! - opIndex.get(b)!);
  return ops;
}
