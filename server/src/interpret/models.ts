/**
 * Models as the interpreter builds them: `Input`, `Sequential` (`add`,
 * `pop`, rebuilding from its input), functional `Model`s over the recorded
 * graph, models used as layers, and bodies run as one graph node (custom
 * layers, `Lambda`). Each function takes the `KerasApi` whose state it works on.
 */

import { formatShape, type Shape } from '../shapes/shape';
import type { PyNode as SyntaxNode } from '../syntax/ast';
import { toSnakeCase } from '../shapes/python/naming';
import { emitNode, findDisconnected, functionalOps, inputTensor } from './graph';
import { replayFunctional } from './graphReplay';
import {
  baseInputDim,
  batchNamedDimension,
  declaredInputShape,
  flattenTensorValues,
  modelTotals,
  type KerasApi,
} from './kerasApi';
import { unexpectedKeyword } from './kerasClasses';
import { withMasks } from './masks';
import { pyRepr } from '../shapes/values';
import { findMethod } from './python/objects';
import { callSubclassed, hasOwnCall, plainKerasModelClass } from './subclass';
import {
  kwarg,
  asItems,
  asShape,
  newLayerRecord,
  newTensor,
  spanOf,
  UNKNOWN,
  type LayerObj,
  type ModelObj,
  type Value,
} from './values';

export function makeInput(api: KerasApi, args: Value[], kwargs: Array<[string, Value]>, node: SyntaxNode): Value {
  const kw = new Map(kwargs);
  const shapeV = args[0] ?? kw.get('shape');
  const batchSize = args[1] ?? kw.get('batch_size');
  const batchShape = kw.get('batch_shape');
  let shape: Shape | null = null;
  if (batchShape && batchShape.kind !== 'none') shape = asShape(batchShape);
  else if (shapeV && shapeV.kind !== 'none') {
    const s = asItems(shapeV) ? asShape(shapeV) : null;
    if (shapeV.kind === 'int')
      return api.interp.raise(
        'ValueError',
        `Cannot convert '${shapeV.value}' to a shape: \`shape\` must be a tuple such as (${shapeV.value},), not an int.`,
        node,
      );
    shape = s ? [batchSize?.kind === 'int' ? batchSize.value : null, ...s] : null;
  }
  const layer = api.makeInputLayer(shape, node, kw.get('name'));
  if (!batchShape) layer.batchNamedDim = batchNamedDimension(node, 'shape', 0);
  return inputTensor(layer);
}

export function makeInputLayer(api: KerasApi, shape: Shape | null, node: SyntaxNode, nameArg?: Value): LayerObj {
  const layer = api.makeOp('InputLayer', spanOf(node));
  if (nameArg?.kind === 'str') {
    layer.name = nameArg.value;
    layer.namedInSource = true;
  }
  layer.isOp = false;
  layer.inputShape = shape ?? undefined;
  layer.outputShapes = shape ? [shape] : null;
  return layer;
}

export function newModel(api: KerasApi, kind: string, node: SyntaxNode, nameArg?: Value): ModelObj {
  const model: ModelObj = {
    id: api.nextId++,
    kind,
    name:
      nameArg?.kind === 'str'
        ? nameArg.value
        : api.uniqueName(toSnakeCase(kind === 'Functional' ? 'functional' : kind)),
    span: spanOf(node),
    layers: [],
    inputShape: null,
    built: false,
    outputShapes: null,
  };
  api.models.push(model);
  return model;
}

export function makeSequential(api: KerasApi, args: Value[], kwargs: Array<[string, Value]>, node: SyntaxNode): Value {
  // `Sequential([...], input_shape=...)`: the constructor takes layers, trainable and name only.
  const unexpected = unexpectedKeyword(
    'keras.Sequential',
    kwargs.map(([k]) => k),
  );
  if (unexpected) return api.interp.raise('TypeError', unexpected, node);
  const kw = new Map(kwargs);
  const model = api.newModel('Sequential', node, kw.get('name'));
  const layersArg = args[0] ?? kw.get('layers');
  try {
    for (const item of (layersArg && asItems(layersArg)) ?? []) api.sequentialAdd(model, item, node, false);
    if (model.layers.length > 0) api.sequentialRebuild(model, node);
  } catch (e) {
    // Keras raised inside the constructor: no model came to exist for the file to list (its name stays taken).
    if (e instanceof Error && 'pyType' in e) api.models.splice(api.models.indexOf(model), 1);
    throw e;
  }
  return { kind: 'model', model };
}

export function sequentialAdd(api: KerasApi, model: ModelObj, item: Value, node: SyntaxNode, rebuild: boolean): void {
  // `keras.Input(...)`, or a `layers.InputLayer(...)` object: the model's input, not one of its layers.
  const inputLayer =
    item.kind === 'tensor' && item.tensor.node?.isInput
      ? item.tensor.node.op
      : item.kind === 'layer' && item.layer.className === 'InputLayer'
        ? item.layer
        : undefined;
  if (inputLayer) {
    if (model.inputLayer && model.inputShape) {
      api.interp.raise(
        'ValueError',
        `Sequential model '${model.name}' has already been configured to use input shape ${formatShape(model.inputShape)}. You cannot add a different Input layer to it.`,
        node,
      );
      return;
    }
    if (item.kind === 'tensor') {
      model.inputShape = item.tensor.shape;
      model.inputTensor = item.tensor;
    } else {
      const c = item.kind === 'layer' ? item.layer.constructed : undefined;
      model.inputShape = c?.status === 'ok' ? (c.layer.state as Shape) : null;
      if (!model.inputShape) model.broken = true;
    }
    model.inputLayer = inputLayer;
    return;
  }
  let layer: LayerObj | undefined;
  if (item.kind === 'layer') layer = item.layer;
  else if (item.kind === 'model') layer = api.modelAsLayer(item.model);
  else if (item.kind === 'instance' && (item.inst.model || item.inst.layer))
    layer = item.inst.layer ?? api.modelAsLayer(item.inst.model!);
  if (!layer) {
    // What a library function returns may well be a layer or a model (`load_model(...)`, a hub layer).
    if (item.kind === 'unknown' || item.kind === 'object') {
      model.broken = true;
      return;
    }
    const what =
      item.kind === 'ref'
        ? `the class \`${item.qualname.split('.').pop()}\` itself; create an instance: \`${item.qualname.split('.').pop()}(...)\``
        : `a ${item.kind} value`;
    api.interp.raise(
      'ValueError',
      `Only instances of \`keras.Layer\` can be added to a Sequential model. Received ${what}.`,
      node,
    );
    return;
  }
  if (model.layers.length === 0 && model.inputShape === null) {
    const declaredArg = new Map(layer.call.kwargs).get('input_shape');
    if (declaredArg?.kind === 'int') {
      // Keras fails making the InputLayer, before the layer is added.
      api.interp.raise(
        'ValueError',
        `Cannot convert '${declaredArg.value}' to a shape: \`input_shape\` must be a tuple such as (${declaredArg.value},).`,
        node,
      );
      return;
    }
    const dimArg = baseInputDim(layer) ? new Map(layer.call.kwargs).get('input_dim') : undefined;
    const dimType = dimArg && { float: 'float', tuple: 'tuple', list: 'list', str: 'str' }[dimArg.kind as string];
    const dimRepr = dimType && pyRepr(dimArg);
    if (dimRepr) {
      // Keras makes the input shape `(input_dim,)`, which only an integer fits.
      api.interp.raise(
        'ValueError',
        `Cannot convert '(${dimRepr},)' to a shape. Found invalid dimension '${dimArg.kind === 'str' ? dimArg.value : dimRepr}' of type '<class '${dimType}'>'.`,
        node,
      );
      return;
    }
    const declared = declaredInputShape(layer);
    if (declared) model.inputShape = declared;
  }
  // Names Keras draws are not compared: where numbering is not followed exactly, a false clash would follow.
  const clash =
    layer.namedInSource && model.layers.find((l) => l !== layer && l.namedInSource && l.name === layer.name);
  if (clash) {
    api.interp.raise(
      'ValueError',
      `All layers added to a Sequential model should have unique names. Name '${layer.name}' is already the name of a layer in this model. Update the \`name\` argument to pass a unique name.`,
      node,
    );
    return;
  }
  model.layers.push(layer);
  if (!rebuild) return;
  const last = model.outputShapes;
  if (model.built && last?.length === 1 && model.layers.length > 1) {
    // Keras rebuilds the whole stack, but built layers give the same shapes again: extend it by the new layer.
    const spans = layer.callSpans.length;
    const out = api.callLayerValue(layer, [{ kind: 'tensor', tensor: newTensor(last[0]) }], [], node);
    layer.callSpans.length = spans;
    model.outputShapes = out.kind === 'tensor' && out.tensor.shape ? [out.tensor.shape] : null;
    model.built = out.kind === 'tensor';
    return;
  }
  api.sequentialRebuild(model, node);
}

/** The batch input shape a Sequential can be built from: an Input, `input_shape=` on its first layer, or a built model first. */
export function sequentialInput(api: KerasApi, model: ModelObj): Shape | null {
  if (model.inputShape) return model.inputShape;
  const first = model.layers[0];
  // Keras builds from a first layer's own `input_shape` (a built model) once a second layer is there.
  if (first?.model?.built && first.model.inputShape && model.layers.length > 1) return first.model.inputShape;
  return null;
}

/** Keras's `_maybe_rebuild`: with a known input, run every layer in order. */
export function sequentialRebuild(api: KerasApi, model: ModelObj, node: SyntaxNode): void {
  model.built = false;
  const input = api.sequentialInput(model);
  if (!input || model.layers.length === 0) return;
  model.inputShape = input;
  // From its Input, when it has one, the Sequential's layers form a graph (`model.inputs`, `layer.output`).
  let x: Value = { kind: 'tensor', tensor: model.inputTensor ?? newTensor(input) };
  // The graph is Keras's own symbolic one, even when the build happens inside a traced call.
  const tracing = api.tracing;
  api.tracing = 0;
  try {
    for (const layer of model.layers) {
      api.interp.tick();
      const spans = layer.callSpans.length;
      x = api.callLayerValue(layer, [x], [], node);
      // A Sequential's own calls are not call sites in the source.
      layer.callSpans.length = spans;
      if (x.kind !== 'tensor') break;
    }
  } finally {
    api.tracing = tracing;
  }
  model.built = true;
  model.outputShapes = x.kind === 'tensor' && x.tensor.shape ? [x.tensor.shape] : null;
  model.outputTensor = x.kind === 'tensor' ? x.tensor : undefined;
}

export function makeFunctional(api: KerasApi, args: Value[], kwargs: Array<[string, Value]>, node: SyntaxNode): Value {
  const kw = new Map(kwargs);
  // Keras 1's `Model(input=..., output=...)`: Keras 3 refuses the old names.
  const legacy = kwargs.filter(([k]) => k === 'input' || k === 'output').map(([k]) => `'${k}'`);
  if (legacy.length > 0) {
    return api.interp.raise(
      'ValueError',
      `Unrecognized keyword arguments passed to Model: {${legacy.join(', ')}}. Keras 3 calls them \`inputs\` and \`outputs\`.`,
      node,
    );
  }
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
    if (bad === 'None')
      return api.interp.raise(
        'ValueError',
        `All \`${what}\` values must be KerasTensors. Received: ${what} including invalid value None of type <class 'NoneType'> (does a layer's \`call\` lack a \`return\`?)`,
        node,
      );
    if (bad)
      return api.interp.raise(
        'ValueError',
        `All \`${what}\` values must be KerasTensors. Received: ${what} including invalid value <${bad.className} name=${bad.name}> of type <class '${bad.className}'>: call the layer on a tensor to get one.`,
        node,
      );
  }
  const inputs = flattenTensorValues(inputsV);
  const outputs = flattenTensorValues(outputsV);
  const problem = inputs && outputs ? findDisconnected(inputs, outputs) : undefined;
  if (problem) return api.interp.raise('ValueError', problem, node);
  const repeated = inputs && outputs ? repeatedName(functionalOps(inputs, outputs)) : undefined;
  if (repeated)
    return api.interp.raise(
      'ValueError',
      `The name "${repeated.name}" is used ${repeated.count} times in the model. All operation names should be unique.`,
      node,
    );
  const model = api.newModel('Functional', node, kw.get('name'));
  api.fillFunctional(model, inputsV, outputsV, node);
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
function notATensorAmong(v: Value): { className: string; name: string } | 'None' | undefined {
  if (v.kind === 'none') return 'None';
  if (v.kind === 'layer') return v.layer;
  if (v.kind === 'model') return { className: v.model.kind, name: v.model.name };
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
  const inputs = flattenTensorValues(inputsV);
  const outputs = flattenTensorValues(outputsV);
  if (inputs === undefined || outputs === undefined) {
    model.broken = true;
    return;
  }
  const problem = findDisconnected(inputs, outputs);
  if (problem) {
    api.interp.raise('ValueError', problem, node);
    model.broken = true;
    return;
  }
  const ops = functionalOps(inputs, outputs);
  model.functional = { inputs, outputs, ops };
  model.layers = ops;
  model.built = true;
  model.inputShape = inputs[0]?.shape ?? null;
  model.outputShapes = outputs.every((t) => t.shape) ? outputs.map((t) => t.shape!) : null;
}

/** `name=` given to Keras's base `__init__` after the automatic name was drawn: the automatic one is given back. */
export function rename(api: KerasApi, record: { name: string; className?: string; kind?: string }, name: string): void {
  const base = toSnakeCase(record.className ?? (record.kind === 'Functional' ? 'functional' : (record.kind ?? '')));
  const n = api.nameCounts.get(base) ?? 0;
  if (n > 0 && record.name === (n === 1 ? base : `${base}_${n - 1}`)) api.nameCounts.set(base, n - 1);
  record.name = name;
}

/** One LayerObj stands for a model used as a layer (a summary row of its kind). */
export function modelAsLayer(api: KerasApi, model: ModelObj): LayerObj {
  if (model.row) return model.row;
  // The row carries the model's own name: no automatic layer name is drawn for it.
  const layer = newLayerRecord({
    id: api.nextId++,
    className: model.kind,
    name: model.name,
    call: { className: model.kind, args: [], kwargs: [] },
    constructed: { status: 'unknown', reason: 'model' },
    span: { ...model.span },
    model,
  });
  api.layers.push(layer);
  model.row = layer;
  return layer;
}

/** A model called on tensors: its output shapes with the caller's batch axis. */
export function callModel(
  api: KerasApi,
  model: ModelObj,
  args: Value[],
  kwargs: Array<[string, Value]>,
  node: SyntaxNode,
): Value {
  const x = args[0] ?? kwarg(kwargs, 'inputs') ?? UNKNOWN;
  const layer = api.modelAsLayer(model);
  const inputTensors = flattenTensorValues(x) ?? [];
  const inShape = x.kind === 'tensor' ? x.tensor.shape : x.kind === 'array' ? x.shape : null;
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
    return api.interp.raise(
      'NotImplementedError',
      `Model ${inst.cls.name} does not have a \`call()\` method implemented.`,
      node,
    );
  }
  if (hasOwnCall(model)) {
    // On symbolic tensors a subclassed model is one node of the caller's graph, its `call` traced inside;
    // Keras gives no shape for its row when that happens inside another traced call.
    if (inputTensors.length === 0) return callSubclassed(api, model, args, kwargs, node);
    return api.callOpaque(
      layer,
      args,
      node,
      (detached) => callSubclassed(api, model, detached, kwargs, node),
      () => modelTotals(model),
      false,
      false,
      false,
    );
  }
  if (model.kind === 'Sequential' && !model.built && inShape) {
    model.inputShape = inShape;
    api.sequentialRebuild(model, node);
  }
  if (model.built && inputTensors.length > 0) {
    const problem = inputSpecProblem(model, x);
    if (problem) return api.interp.raise('ValueError', problem, node);
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
function inputSpecProblem(model: ModelObj, x: Value): string | undefined {
  const items = x.kind === 'tensor' ? [x] : x.kind === 'list' || x.kind === 'tuple' ? asItems(x) : undefined;
  if (!items || !items.every((v) => v.kind === 'tensor')) return undefined;
  const declared = declaredInputShapes(model);
  if (declared.length !== items.length) return undefined;
  for (let i = 0; i < items.length; i++) {
    const given = (items[i] as { kind: 'tensor'; tensor: { shape: Shape | null } }).tensor.shape;
    const ref = declared[i];
    if (!given || !ref) continue;
    const spec = [null, ...ref.slice(1)];
    const shape = given.length > 0 && given[given.length - 1] === 1 ? given.slice(0, -1) : given;
    const specAxes = spec.length > 0 && spec[spec.length - 1] === 1 ? spec.slice(0, -1) : spec;
    for (let k = 0; k < Math.min(shape.length, specAxes.length); k++) {
      const a = specAxes[k];
      const b = shape[k];
      if (typeof a === 'number' && typeof b === 'number' && a !== b) {
        const inputName = model.functional ? model.functional.inputs[i].node?.op.name : model.inputLayer?.name;
        return `Input ${i} with name '${inputName ?? 'input_layer'}' of layer '${model.name}' is incompatible with the layer: expected shape=${formatShape(spec)}, found shape=${formatShape(shape)}`;
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
  const result = emitNode(layer, withMasks(layer, inputTensors, takesMask), shapes, single);
  // A custom layer that sets `supports_masking = True` passes its input's mask on.
  if (passesMask && result.kind === 'tensor' && inputTensors[0]?.mask) result.tensor.mask = inputTensors[0].mask;
  return result;
}
