/**
 * A model called on tensors or data: a subclassed model runs its `call` (one
 * node of the caller's graph), a built Sequential or functional model checks
 * its input spec and gives its outputs with the caller's batch axis, or runs
 * its graph again on other shapes (graphReplay.ts).
 */

import { errorOf, type CheckedError } from '../../shapes/errors';
import type { Shape } from '../../shapes/shape';
import type { PyNode as SyntaxNode } from '../../syntax/ast';
import { emitNode } from '../graph';
import { findMethod } from '../python/objects';
import { asItems, kwarg, type ModelObj, spanOf, UNKNOWN, type Value } from '../values';
import type { KerasApi } from './api';
import { replayFunctional } from './graphReplay';
import { callSubclassedOnData } from './eagerCalls';
import { callOpaque } from './opaque';
import { flattenTensorValues, modelAsLayer, modelTotals } from './records';
import { sequentialRebuild } from './sequential';
import { plainKerasModelClass } from './kerasClasses';
import { callSubclassed, hasOwnCall } from './subclass';

/** A model called on tensors: its output shapes with the caller's batch axis. */
export function callModel(
  api: KerasApi,
  model: ModelObj,
  args: Value[],
  kwargs: Array<[string, Value]>,
  node: SyntaxNode,
): Value {
  const x = args[0] ?? kwarg(kwargs, 'inputs') ?? UNKNOWN;
  const layer = modelAsLayer(api, model);
  const inputTensors = flattenTensorValues(x) ?? [];
  const inShape = x.kind === 'tensor' ? x.tensor.shape : x.kind === 'array' ? x.shape : null;
  // A Sequential or functional model's symbolic call runs its graph again, making tensors not counted here.
  if (inputTensors.length > 0 && (!model.instance || model.functional)) api.tensorsCounted = false;
  // A subclass of keras.Model without `call` (nor a functional graph, nor its own output shape): Keras cannot run it.
  const inst = model.instance;
  const onTensorsOrData = inputTensors.length > 0 || x.kind === 'array';
  if (
    inst &&
    onTensorsOrData &&
    !hasOwnCall(model) &&
    !model.functional &&
    !model.broken &&
    plainKerasModelClass(inst.cls) &&
    !findMethod(inst.cls, 'compute_output_shape') &&
    !findMethod(inst.cls, 'compute_output_spec')
  ) {
    // Keras builds the model before the call fails: its layers, never called, hold no weights.
    model.built = true;
    return api.interp.raise(errorOf('modelCallNotImplemented', { className: inst.cls.name }), node);
  }
  if (hasOwnCall(model)) {
    // On symbolic tensors a subclassed model is one node of the caller's graph, its `call` traced inside;
    // Keras gives no shape for its row when that happens inside another traced call.
    if (inputTensors.length === 0)
      return x.kind === 'array'
        ? callSubclassedOnData(api, model, args, kwargs)
        : callSubclassed(api, model, args, kwargs);
    return callOpaque(
      api,
      layer,
      args,
      node,
      (detached) => callSubclassed(api, model, detached, kwargs),
      () => modelTotals(model),
      false,
      false,
      false,
    );
  }
  if (model.kind === 'Sequential' && !model.built && inShape) {
    model.inputShape = inShape;
    sequentialRebuild(api, model, node);
  } else if (model.kind === 'Sequential' && !model.built && x.kind === 'tensor') {
    // Built by a tensor of a shape not known: its layers have weights, of sizes not known. The build makes an
    // InputLayer where the stack has none, and wraps the stack in a Functional (names drawn, as in a rebuild).
    for (const l of model.layers) l.called = true;
    if (!model.inputLayer && !model.inputLayerName) model.inputLayerName = api.uniqueName('input_layer');
    api.uniqueName('functional');
  }
  // A functional model checks arrays against its inputs as it checks tensors (a Sequential leaves them to its
  // first layer's own check, not modelled).
  const onArrays =
    model.kind === 'Functional' && (x.kind === 'array' || (asItems(x)?.every((v) => v.kind === 'array') ?? false));
  if (model.built && (inputTensors.length > 0 || onArrays)) {
    const problem = inputSpecProblem(model, x);
    if (problem) return api.interp.raise(problem, node);
  }
  let outs: Array<Shape | null> = [null];
  if (model.built && model.outputShapes) outs = outputsForInputs(api, model, x, inShape);
  layer.params = modelTotals(model);
  const known = outs.every((s) => s) ? (outs as Shape[]) : null;
  const onData = x.kind === 'array' || (asItems(x)?.every((v) => v.kind === 'array') ?? false);
  if (inputTensors.length === 0 && onData) {
    // An eager call on data records no node: the model's row keeps what it had; the results are arrays.
    layer.callSpans.push({
      seq: api.nextSeq(),
      span: spanOf(node),
      outputs: known,
      single: outs.length === 1,
      inputs: inShape ? [inShape] : [],
    });
    const arrays: Value[] = outs.map((shape) => ({ kind: 'array', shape }));
    return arrays.length === 1 ? arrays[0] : { kind: 'list', items: arrays };
  }
  // Inside a traced call no node is recorded: the row keeps the outputs the model was made with.
  if (api.tracing === 0) {
    layer.outputShapes = known;
    layer.single = outs.length === 1;
  }
  layer.callSpans.push({
    seq: api.nextSeq(),
    span: spanOf(node),
    outputs: known,
    single: outs.length === 1,
    inputs: inShape ? [inShape] : [],
  });
  return emitNode(layer, inputTensors, outs, outs.length === 1);
}

/** The input shapes a built model was made with: its functional inputs', or a Sequential's input shape. */
function declaredInputShapes(model: ModelObj): Array<Shape | null> {
  return model.functional?.inputs.map((t) => t.shape) ?? (model.inputShape ? [model.inputShape] : []);
}

/**
 * Why a built model refuses the symbolic inputs it is called on, if it does.
 * A model's input spec is its inputs' shapes with the batch axis left open, a
 * trailing axis of 1 ignored on either side, compared axis by axis where
 * both are known (`Functional.input_spec`, `assert_input_compatibility`).
 * Keras checks it only on symbolic calls: an eager call on data goes through
 * the layers, whose own checks decide.
 */
function inputSpecProblem(model: ModelObj, x: Value): CheckedError | undefined {
  const items =
    x.kind === 'tensor' || x.kind === 'array' ? [x] : x.kind === 'list' || x.kind === 'tuple' ? asItems(x) : undefined;
  if (!items || !(items.every((v) => v.kind === 'tensor') || items.every((v) => v.kind === 'array'))) return undefined;
  const declared = declaredInputShapes(model);
  if (declared.length !== items.length) return undefined;
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    const given = item.kind === 'tensor' ? item.tensor.shape : item.kind === 'array' ? item.shape : null;
    const ref = declared[i];
    if (!given || !ref) continue;
    const spec = [null, ...ref.slice(1)];
    const shape = given.length > 0 && given[given.length - 1] === 1 ? given.slice(0, -1) : given;
    const specAxes = spec.length > 0 && spec[spec.length - 1] === 1 ? spec.slice(0, -1) : spec;
    for (let k = 0; k < Math.min(shape.length, specAxes.length); k++) {
      const a = specAxes[k];
      const b = shape[k];
      if (typeof a === 'number' && typeof b === 'number' && a !== b) {
        const inputName = model.functional
          ? model.functional.inputs[i].node?.op.name
          : (model.inputLayer?.name ?? model.inputLayerName);
        const name = inputName ?? 'input_layer';
        return errorOf('modelInputSpec', { index: i, name, model: model.name, spec, found: shape });
      }
    }
  }
  return undefined;
}

/**
 * A built model's outputs for the inputs it is called on: with the caller's
 * batch axis when the other axes are those it was built with; else its graph
 * replayed on the new shapes (graphReplay.ts) or, where that cannot be done,
 * the axes the model left open (None) are not known.
 */
function outputsForInputs(api: KerasApi, model: ModelObj, x: Value, inShape: Shape | null): Array<Shape | null> {
  const outputs = model.outputShapes!;
  const batch = inShape ? inShape[0] : null;
  const given = (x.kind === 'tensor' || x.kind === 'array' ? [x] : (asItems(x) ?? [])).map((v) =>
    v.kind === 'tensor' ? v.tensor.shape : v.kind === 'array' ? v.shape : null,
  );
  const declared = declaredInputShapes(model);
  const sameAxes =
    given.length === declared.length &&
    given.every(
      (g, i) =>
        g && declared[i] && g.length === declared[i]!.length && g.every((d, k) => k === 0 || d === declared[i]![k]),
    );
  if (sameAxes || given.length === 0 || given.some((g) => !g)) return outputs.map((s) => [batch, ...s.slice(1)]);
  const replayed = replayFunctional(model, given as Shape[], api.options);
  if (replayed) return replayed;
  // Where only axes the model left open differ, its fixed output axes stay; else nothing past the batch is known.
  const onlyOpenAxes =
    given.length === declared.length &&
    given.every(
      (g, i) =>
        g!.length === declared[i]?.length &&
        g!.every((d, k) => k === 0 || declared[i]![k] === null || d === declared[i]![k]),
    );
  return outputs.map((s) => [batch, ...s.slice(1).map((d) => (d === null || !onlyOpenAxes ? '?' : d))]);
}
