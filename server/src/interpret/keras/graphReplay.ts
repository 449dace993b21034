/**
 * A functional model called on inputs whose shapes differ from those it was
 * built with (other than the batch axis): Keras runs its graph again on the
 * new shapes, so an `Input((None, None, 8))` model called on `(2, 7, 8)`
 * gives `(2, 7, 8)`. The graph is replayed through the engine node by node;
 * where a node cannot be replayed exactly (a recorded op, a layer called
 * with more than one positional tensor, a nested subclassed model), the
 * replay gives up and the caller falls back to what it can tell for sure.
 */

import type { EngineOptions } from '../../shapes/args';
import { broadcastShapes } from '../../shapes/arith';
import { callLayer } from '../../shapes/engine';
import { type Shape, shapesEqual } from '../../shapes/shape';
import type { CallArg } from '../../shapes/tensors';
import { BINARY, ELEMENTWISE } from '../ops/tables';
import type { GraphNode, LayerObj, ModelObj, TensorObj } from '../values';

/** The model's output shapes for these input shapes; undefined when the graph cannot be replayed. */
export function replayFunctional(
  model: ModelObj,
  inputShapes: Shape[],
  options: EngineOptions,
  depth = 0,
): Shape[] | undefined {
  const graph = model.functional;
  if (!graph || graph.inputs.length !== inputShapes.length || depth > 8) return undefined;
  const shapes = new Map<TensorObj, Shape>();
  graph.inputs.forEach((t, i) => shapes.set(t, inputShapes[i]));
  const done = new Set<GraphNode>();
  // Depth-first from the outputs: a node's inputs are replayed before it.
  const replay = (t: TensorObj): Shape | undefined => {
    const known = shapes.get(t);
    if (known) return known;
    const node = t.node;
    if (!node || node.isInput || done.has(node)) return undefined;
    done.add(node);
    const ins: Shape[] = [];
    for (const i of node.inputs) {
      const s = replay(i);
      if (!s) return undefined;
      ins.push(s);
    }
    const outs = replayNode(node, ins, options, depth);
    if (!outs || outs.length !== node.outputs.length) return undefined;
    node.outputs.forEach((o, k) => shapes.set(o, outs[k]));
    return shapes.get(t);
  };
  const result: Shape[] = [];
  for (const o of graph.outputs) {
    const s = replay(o);
    if (!s) return undefined;
    result.push(s);
  }
  return result;
}

function replayNode(node: GraphNode, ins: Shape[], options: EngineOptions, depth: number): Shape[] | undefined {
  const op = node.op;
  if (op.model) return replayFunctional(op.model, ins, options, depth + 1);
  if (op.isOp) return replayOp(node, ins);
  if (op.members) return replayMembers(op.members, ins, options);
  if (op.instance || op.constructed.status !== 'ok') return undefined;
  // One tensor, or a list of them (merge layers): the structure is checked by replaying the recorded shapes first.
  const argsFor = (shapes: Shape[]): CallArg[] =>
    shapes.length === 1
      ? [{ kind: 'tensor', shape: shapes[0] }]
      : [{ kind: 'list', items: shapes.map((shape) => ({ kind: 'tensor', shape })) }];
  const recordedIn = node.inputs.map((t) => t.shape);
  const recordedOut = node.outputs.map((t) => t.shape);
  if (recordedIn.some((s) => !s) || recordedOut.some((s) => !s)) return undefined;
  const check = callLayer(op.constructed.layer, { args: argsFor(recordedIn as Shape[]), kwargs: {} }, options);
  if (
    check.status !== 'ok' ||
    check.outputs.length !== recordedOut.length ||
    !check.outputs.every((s, i) => shapesEqual(s, recordedOut[i] as Shape))
  )
    return undefined;
  const called = callLayer(op.constructed.layer, { args: argsFor(ins), kwargs: {} }, options);
  return called.status === 'ok' ? called.outputs : undefined;
}

/** Classes of the ops whose output is shaped as their one input, or as the broadcast of their two inputs. */
const ELEMENTWISE_CLASSES = new Set([
  ...Object.values(ELEMENTWISE),
  'Negative',
  'ReLU',
  'Mish',
  'Softmax',
  'LogicalNot',
]);
const BROADCAST_CLASSES = new Set([
  ...Object.values(BINARY),
  'Add',
  'Subtract',
  'Multiply',
  'TrueDivide',
  'FloorDivide',
  'Power',
  'Mod',
]);

/**
 * A recorded op (`x + y`, `ops.relu(x)`) replayed when it is one Keras shapes
 * elementwise or by broadcasting (checked on the shapes it was recorded with
 * too). Any other op is not replayed.
 */
function replayOp(node: GraphNode, ins: Shape[]): Shape[] | undefined {
  const cls = node.op.className;
  const recordedIn = node.inputs.map((t) => t.shape);
  const out = node.outputs.length === 1 ? node.outputs[0].shape : null;
  if (!out || recordedIn.some((s) => !s)) return undefined;
  if (ins.length === 1 && ELEMENTWISE_CLASSES.has(cls) && shapesEqual(recordedIn[0]!, out)) return [ins[0]];
  // A tensor and a constant (`x + 3.0`, `x * (1 / 6)`) that left the tensor's shape as it was: only axes the
  // recording left open may change, so the constant cannot broadcast differently on the new shape.
  if (ins.length === 1 && BROADCAST_CLASSES.has(cls) && shapesEqual(recordedIn[0]!, out)) {
    const recorded = recordedIn[0]!;
    const fits =
      ins[0].length === recorded.length &&
      recorded.every((d, k) => typeof d !== 'number' || ins[0][k] === d || k === 0);
    return fits ? [ins[0]] : undefined;
  }
  if (ins.length === 2 && BROADCAST_CLASSES.has(cls)) {
    try {
      if (!shapesEqual(broadcastShapes(recordedIn[0]!, recordedIn[1]!), out)) return undefined;
      return [broadcastShapes(ins[0], ins[1])];
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/** A Sequential recorded as one row (inside a `keras.applications` network): its members in turn. */
function replayMembers(members: LayerObj[], ins: Shape[], options: EngineOptions): Shape[] | undefined {
  let shapes = ins;
  for (const m of members) {
    if (m.constructed.status !== 'ok' || shapes.length !== 1) return undefined;
    const called = callLayer(
      m.constructed.layer,
      { args: [{ kind: 'tensor', shape: shapes[0] }], kwargs: {} },
      options,
    );
    if (called.status !== 'ok') return undefined;
    shapes = called.outputs;
  }
  return shapes;
}
