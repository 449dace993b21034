/**
 * The Keras API as the interpreter sees it: constructing and calling layers,
 * `Input`, `Sequential` (`add`, `pop`, `build`), functional `Model`s, models
 * used as layers, subclassed models, and the methods and attributes of these
 * objects. Shapes and errors come from the shape engine.
 */

import { callLayer, constructLayer, type Called, type Constructed } from '../shapes/engine';
import type { ConstructedLayer } from '../shapes/rule';
import { formatShape, shapesEqual, type Shape } from '../shapes/shape';
import type { CallArg } from '../shapes/tensors';
import type { LayerCall, PyValue } from '../shapes/values';
import type { PyNode as SyntaxNode } from '../syntax/ast';
import { emitNode } from './graph';
import { canonicalName, layerClassOf } from './names';
import { toSnakeCase } from '../shapes/python/naming';
import type { Interpreter } from './python/interpreter';
import type { ImportedPaths, LibraryHost } from './python/host';
import { DEFAULT_OPTIONS, type EngineOptions } from '../shapes/args';
import { kerasIsInstance } from './kerasClasses';
import { moduleImportError, nameImportError, unjudged } from './kerasModules';
import { summarizeModel, type SummaryModel } from './summaryRows';
import { kerasBases, kerasInstance } from './subclass';
import { arrayBinary, arrayGetItem } from './numpy/arrays';
import { callOperator, callUnaryOperator } from './ops/operators';
import { callRef as callRefImpl } from './library';
import { setOutputMask, withMasks } from './masks';
import { callInstance } from './subclass';
import { callOp } from './ops/ops';
import { showsTracedShape } from './tracedRows';
import type { Scope } from './python/scope';
import {
  getAttribute as getAttributeImpl,
  modelAttribute as modelAttributeImpl,
  layerAttribute as layerAttributeImpl,
  setAttribute as setAttributeImpl,
  trackListItems,
  callMethod as callMethodImpl,
  modelMethod as modelMethodImpl,
} from './attributes';
import {
  makeInput as makeInputImpl,
  makeInputLayer as makeInputLayerImpl,
  newModel as newModelImpl,
  makeSequential as makeSequentialImpl,
  sequentialAdd as sequentialAddImpl,
  sequentialInput as sequentialInputImpl,
  sequentialRebuild as sequentialRebuildImpl,
  makeFunctional as makeFunctionalImpl,
  fillFunctional as fillFunctionalImpl,
  rename as renameImpl,
  modelAsLayer as modelAsLayerImpl,
  callModel as callModelImpl,
  callOpaque as callOpaqueImpl,
} from './models';
import {
  asInt,
  asItems,
  hasKwarg,
  kwarg,
  newLayerRecord,
  newTensor,
  spanOf,
  toPy,
  UNKNOWN,
  type ClassObj,
  type InstanceObj,
  type LayerObj,
  type ModelObj,
  type Span,
  type TensorObj,
  type Value,
} from './values';

/** Functional forms of the merge layers: `layers.concatenate([a, b])` is `Concatenate()([a, b])`. */
export const MERGE_FUNCTIONS: Record<string, string> = {
  concatenate: 'Concatenate',
  add: 'Add',
  subtract: 'Subtract',
  multiply: 'Multiply',
  average: 'Average',
  maximum: 'Maximum',
  minimum: 'Minimum',
  dot: 'Dot',
};

export class KerasApi implements LibraryHost {
  readonly models: ModelObj[] = [];
  readonly layers: LayerObj[] = [];
  readonly nameCounts = new Map<string, number>();
  private readonly starModules = new Set<string>();
  nextId = 1;
  /** >0 while a custom layer's or Lambda's body runs (Keras traces it with a concrete batch size). */
  tracing = 0;
  private seq = 0;
  /** What `model.summary()` prints for each model, when the file's own run ended. */
  summary: SummaryModel[] = [];
  readonly options: EngineOptions;

  /** A counter of executed calls, so that later calls on a line win its hint. */
  nextSeq(): number {
    return ++this.seq;
  }

  constructor(
    readonly interp: Interpreter,
    options: EngineOptions = DEFAULT_OPTIONS,
  ) {
    // A copy: `keras.config.set_image_data_format` in the file changes it for this run only.
    this.options = { ...options };
  }

  uniqueName(base: string): string {
    const n = this.nameCounts.get(base) ?? 0;
    this.nameCounts.set(base, n + 1);
    return n === 0 ? base : `${base}_${n}`;
  }

  // ----------------------------------------------------- the evaluator's host

  imported(path: string): Value {
    return { kind: 'ref', qualname: canonicalName(path), judged: !unjudged(path) };
  }

  importError(paths: ImportedPaths): { pyType: string; message: string } | undefined {
    for (const m of paths.modules) {
      const problem = moduleImportError(m);
      if (problem) return problem;
    }
    if (paths.module === undefined) return undefined;
    const problem = moduleImportError(paths.module);
    if (problem) return problem;
    for (const n of paths.names) {
      const refused = nameImportError(paths.module, n);
      if (refused) return refused;
    }
    return undefined;
  }

  importStar(module: string): void {
    this.starModules.add(canonicalName(module));
  }

  starImported(name: string): Value | undefined {
    if (this.starModules.has('keras.layers') && /^[A-Z]/.test(name))
      return { kind: 'ref', qualname: `keras.layers.${name}` };
    if (this.starModules.has('keras.layers') && name in MERGE_FUNCTIONS)
      return { kind: 'ref', qualname: `keras.layers.${name}` };
    if (this.starModules.has('keras.models') && (name === 'Sequential' || name === 'Model'))
      return { kind: 'ref', qualname: `keras.${name}` };
    return undefined;
  }

  call(callee: Value, args: Value[], kwargs: Array<[string, Value]>, node: SyntaxNode, incomplete: boolean): Value {
    switch (callee.kind) {
      case 'ref':
        return callRefImpl(this, callee.qualname, args, kwargs, node, incomplete);
      case 'layer':
        return this.callLayerValue(callee.layer, args, kwargs, node);
      case 'model':
        return this.callModel(callee.model, args, kwargs, node);
      case 'instance':
        return callInstance(this, callee.inst, args, kwargs, node);
      case 'method':
        return this.callMethod(callee.self, callee.name, args, kwargs, node);
      default:
        return UNKNOWN;
    }
  }

  callRemembered(qualname: string, node: SyntaxNode): Value | undefined {
    const layer = this.constructRemembered(qualname, node);
    return layer ? { kind: 'layer', layer } : undefined;
  }

  getAttribute(obj: Value, attr: string, node: SyntaxNode): Value {
    return getAttributeImpl(this, obj, attr, node);
  }

  setAttribute(obj: Value, attr: string, value: Value): void {
    setAttributeImpl(this, obj, attr, value);
  }

  binary(op: string, a: Value, b: Value, node: SyntaxNode): Value | undefined {
    if (a.kind === 'tensor' || b.kind === 'tensor') return callOperator(this, op, a, b, node);
    if (a.kind === 'array' || b.kind === 'array') return arrayBinary(a, b);
    return undefined;
  }

  compare(op: string, a: Value, b: Value, node: SyntaxNode): Value | undefined {
    // KerasTensor's `<`, `!=`, ... are ops (Less, NotEqual, ...); `==` stays Python's identity test.
    if ((a.kind === 'tensor' || b.kind === 'tensor') && /^(<|<=|>|>=|!=)$/.test(op))
      return callOperator(this, op, a, b, node);
    // NumPy compares arrays elementwise (`==` too): an array of the broadcast shape.
    if ((a.kind === 'array' || b.kind === 'array') && /^(<|<=|>|>=|!=|==)$/.test(op)) return arrayBinary(a, b);
    return undefined;
  }

  unary(op: string, v: Value, node: SyntaxNode): Value {
    return v.kind === 'tensor' ? callUnaryOperator(this, op, v, node) : UNKNOWN;
  }

  getItem(obj: Value, subs: SyntaxNode[], scope: Scope, node: SyntaxNode): Value | undefined {
    if (obj.kind === 'tensor') return callOp(this, 'get_item', [obj], [], node, { subs, scope, interp: this.interp });
    if (obj.kind === 'array' && obj.shape) return arrayGetItem(obj.shape, subs, scope, this.interp);
    // `model[i]`: its i-th layer.
    if (obj.kind === 'model' && subs.length === 1 && subs[0].type !== 'slice') {
      const i = asInt(this.interp.eval(subs[0], scope));
      const layers = asItems(modelAttributeImpl(this, obj.model, 'layers', obj));
      return (i !== undefined && layers?.at(i)) || UNKNOWN;
    }
    return undefined;
  }

  isInstance(value: Value, cls: Value): boolean | undefined {
    return kerasIsInstance(value, cls);
  }

  classCreated(cls: ClassObj): void {
    kerasBases(cls);
  }

  instanceCreated(inst: InstanceObj, node: SyntaxNode): void {
    kerasInstance(this, inst, node);
  }

  trackedListGrew(list: Value & { kind: 'list' }, added: Value[]): void {
    if (list.trackedBy) trackListItems(this, list.trackedBy, added);
  }

  fileRunEnded(): void {
    this.summary = this.models.map(summarizeModel);
  }

  // -------------------------------------------------------------------- layers

  constructLayerObj(
    className: string,
    args: Value[],
    kwargs: Array<[string, Value]>,
    node: SyntaxNode,
    incomplete = false,
  ): LayerObj {
    const { call, constructed } = this.constructCached(className, args, kwargs, node, incomplete);
    const fn = className === 'Lambda' ? (args[0] ?? kwarg(kwargs, 'function')) : undefined;
    return this.newLayerObj(className, call, constructed, node, fn);
  }

  /**
   * A constructor call whose construction is remembered on its node (all its
   * arguments are literals, so they need not even be evaluated again): the
   * layer object, or undefined when the node holds nothing for this class.
   */
  constructRemembered(qualname: string, node: SyntaxNode): LayerObj | undefined {
    const memo = node.memo as ConstructMemo | CallMemo | undefined;
    if (memo?.tag !== 'construct' || memo.format !== this.options.imageDataFormat) return undefined;
    // The callee's dotted name is read from the same nodes every run: compare it before resolving it.
    if (memo.qualname !== qualname) {
      if (layerClassOf(canonicalName(qualname)) !== memo.className) return undefined;
      memo.qualname = qualname;
    }
    memo.nameArg ??= kwarg(memo.call.kwargs, 'name') ?? { kind: 'none' };
    return this.newLayerObj(memo.className, memo.call, memo.constructed, node, undefined, memo.nameArg);
  }

  private newLayerObj(
    className: string,
    call: LayerCall,
    constructed: Constructed,
    node: SyntaxNode,
    fn: Value | undefined,
    knownName?: PyValue,
  ): LayerObj {
    const nameArg = knownName ?? kwarg(call.kwargs, 'name');
    // Aliases (`MaxPool2D`, `Convolution2D`) are the same class: summary prints the canonical name.
    const canonical = constructed.status === 'ok' ? constructed.layer.rule.className : className;
    const layer = newLayerRecord({
      id: this.nextId++,
      className: canonical,
      name: nameArg?.kind === 'str' ? nameArg.value : this.uniqueName(toSnakeCase(canonical)),
      call,
      constructed,
      span: spanOf(node),
    });
    if (nameArg?.kind === 'str') layer.namedInSource = true;
    if (fn) layer.fn = fn;
    if (hasKwarg(call.kwargs, 'input_shape') || (hasKwarg(call.kwargs, 'input_dim') && baseInputDim(layer))) {
      layer.inputArgSpan = keywordSpan(node, baseInputDim(layer) ? ['input_shape', 'input_dim'] : ['input_shape']);
      layer.batchNamedDim = batchNamedDimension(node, 'input_shape');
    }
    this.layers.push(layer);
    if (constructed.status === 'error') this.interp.raise(constructed.error.pyType, constructed.error.message, node);
    return layer;
  }

  /**
   * The engine's construction, remembered on the call node when its
   * arguments are all literals (then every run of the node gives the same).
   */
  constructCached(
    className: string,
    args: Value[],
    kwargs: Array<[string, Value]>,
    node: SyntaxNode,
    incomplete: boolean,
  ): { call: LayerCall; constructed: Constructed } {
    const format = this.options.imageDataFormat;
    const memo = node.memo as ConstructMemo | CallMemo | undefined;
    if (memo?.tag === 'construct' && memo.className === className && memo.format === format) return memo;
    const call: LayerCall = {
      className,
      args: args.map((a) => toPy(a)),
      kwargs: kwargs.map(([k, v]) => [k, toPy(v)]),
      incomplete,
    };
    const constructed = constructLayer(call, this.options);
    if (!incomplete && node.type === 'call' && hasLiteralArguments(node))
      node.memo = { tag: 'construct', className, format, call, constructed } satisfies ConstructMemo;
    return { call, constructed };
  }

  /** Calls a layer on tensors (or arrays): runs the engine, records the graph node, returns the output tensor(s). */
  callLayerValue(layer: LayerObj, args: Value[], kwargs: Array<[string, Value]>, node: SyntaxNode): Value {
    if (layer.model) return this.callModel(layer.model, args, kwargs, node);
    // A user's layer called through a record (by a Sequential, say): its own `call` runs, as when called directly.
    const inst = layer.instance;
    // (A subclass of a built-in layer keeps the built-in's shapes and weights whatever its `call` does:
    // Keras takes a symbolic call's shapes from `compute_output_shape`, which the built-in defines.)
    if (inst && !inst.cls.layerBase) return callInstance(this, inst, args, kwargs, node);
    if (args.length === 1 && kwargs.length === 0 && args[0].kind === 'tensor' && !layer.fn)
      return this.callOnTensor(layer, args[0].tensor, node);
    if (layer.fn && (layer.fn.kind === 'function' || layer.fn.kind === 'bound')) {
      const fn = layer.fn;
      const declared = lambdaOutputShape(layer, args[0]);
      // With `output_shape=` Keras takes the shape from it and does not trace the function.
      const run = (detached: Value[]): Value =>
        declared
          ? { kind: 'tensor', tensor: newTensor(declared) }
          : this.interp.call(fn, detached.slice(0, 1), [], node);
      return this.callOpaque(layer, args, node, run, () => ({ total: 0, trainable: 0, nonTrainable: 0 }));
    }
    const inputTensors: TensorObj[] = [];
    const toArg = (v: Value): CallArg => {
      if (v.kind === 'tensor') {
        inputTensors.push(v.tensor);
        return v.tensor.shape
          ? { kind: 'tensor', shape: v.tensor.shape }
          : { kind: 'value', value: { kind: 'unknown' } };
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
      result = callLayer(layer.constructed.layer, { args: callArgs, kwargs: callKwargs }, this.options);
    }
    if (result.status === 'error')
      return this.interp.raise(result.error.pyType, namedInMessage(result.error.message, layer), node);
    layer.called = true;
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
    return this.recordCall(layer, result, inputTensors, node);
  }

  /** The common call, `layer(x)` on one tensor: the same as `callLayerValue` with less to allocate. */
  private callOnTensor(layer: LayerObj, x: TensorObj, node: SyntaxNode): Value {
    const result: Called =
      layer.constructed.status !== 'ok' || x.shape === null
        ? { status: 'unknown', reason: layer.constructed.status !== 'ok' ? 'layer not known' : 'input shape not known' }
        : this.callOnShapeRemembered(layer.constructed.layer, x.shape, node);
    if (result.status === 'error')
      return this.interp.raise(result.error.pyType, namedInMessage(result.error.message, layer), node);
    return this.recordCall(layer, result, [x], node);
  }

  /** What a symbolic call leaves behind: the layer's shapes and weights (first build), the call site, the graph node. */
  private recordCall(layer: LayerObj, result: Called, inputs: TensorObj[], node: SyntaxNode): Value {
    const inputShapes = inputs.map((t) => t.shape ?? []);
    const ok = result.status === 'ok';
    layer.called = true;
    if (ok && layer.params) {
      const problem = rebuildProblem(layer, result.weights, inputShapes);
      if (problem) return this.interp.raise('ValueError', problem, node);
    }
    if (ok) {
      // Inside a traced call Keras records no node: the row keeps the first build's shapes, if any (tracedRows.ts).
      if (this.tracing === 0 || (!layer.params && showsTracedShape(layer.className))) {
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
      seq: this.nextSeq(),
      span: spanOf(node),
      outputs: ok ? result.outputs : null,
      single: ok ? result.single : true,
      inputs: inputShapes,
    });
    const out = emitNode(layer, withMasks(layer, inputs), ok ? result.outputs : [null], ok ? result.single : true);
    if (out.kind === 'tensor') setOutputMask(this, layer, inputs, [out.tensor], node);
    return out;
  }

  /**
   * The engine's answer for `layer(x)`, remembered on the call node: when the
   * node runs again with the same constructed layer (constant constructors
   * are shared across runs) on an equal shape, the answer is the same.
   */
  private callOnShapeRemembered(constructed: ConstructedLayer, shape: Shape, node: SyntaxNode): Called {
    const memo = node.memo as ConstructMemo | CallMemo | undefined;
    const format = this.options.imageDataFormat;
    if (
      memo?.tag === 'call' &&
      memo.constructed === constructed &&
      memo.format === format &&
      shapesEqual(memo.shape, shape)
    )
      return memo.called;
    const called = callLayer(constructed, { args: [{ kind: 'tensor', shape }], kwargs: {} }, this.options);
    node.memo = { tag: 'call', constructed, format, shape, called } satisfies CallMemo;
    return called;
  }

  /** A recorded op (`x * 2`, `x[:, 0]`, `ops.mean(x)`): a summary row with no weights. */
  makeOp(className: string, span: Span): LayerObj {
    const layer = newLayerRecord({
      id: this.nextId++,
      className,
      name: this.uniqueName(toSnakeCase(className)),
      call: { className, args: [], kwargs: [] },
      constructed: { status: 'unknown', reason: 'op' },
      span,
      params: { total: 0, trainable: 0, nonTrainable: 0 },
      isOp: true,
    });
    this.layers.push(layer);
    return layer;
  }

  // ------------------------------------------- models (models.ts), attributes (attributes.ts)

  makeInput(args: Value[], kwargs: Array<[string, Value]>, node: SyntaxNode): Value {
    return makeInputImpl(this, args, kwargs, node);
  }

  makeInputLayer(shape: Shape | null, node: SyntaxNode, nameArg?: Value): LayerObj {
    return makeInputLayerImpl(this, shape, node, nameArg);
  }

  newModel(kind: string, node: SyntaxNode, nameArg?: Value): ModelObj {
    return newModelImpl(this, kind, node, nameArg);
  }

  makeSequential(args: Value[], kwargs: Array<[string, Value]>, node: SyntaxNode): Value {
    return makeSequentialImpl(this, args, kwargs, node);
  }

  sequentialAdd(model: ModelObj, item: Value, node: SyntaxNode, rebuild: boolean): void {
    sequentialAddImpl(this, model, item, node, rebuild);
  }

  sequentialInput(model: ModelObj): Shape | null {
    return sequentialInputImpl(this, model);
  }

  sequentialRebuild(model: ModelObj, node: SyntaxNode): void {
    sequentialRebuildImpl(this, model, node);
  }

  makeFunctional(args: Value[], kwargs: Array<[string, Value]>, node: SyntaxNode): Value {
    return makeFunctionalImpl(this, args, kwargs, node);
  }

  fillFunctional(model: ModelObj, inputsV: Value, outputsV: Value, node: SyntaxNode): void {
    fillFunctionalImpl(this, model, inputsV, outputsV, node);
  }

  rename(record: { name: string; className?: string; kind?: string }, name: string): void {
    renameImpl(this, record, name);
  }

  modelAsLayer(model: ModelObj): LayerObj {
    return modelAsLayerImpl(this, model);
  }

  callModel(model: ModelObj, args: Value[], kwargs: Array<[string, Value]>, node: SyntaxNode): Value {
    return callModelImpl(this, model, args, kwargs, node);
  }

  callOpaque(
    layer: LayerObj,
    args: Value[],
    node: SyntaxNode,
    run: (detached: Value[]) => Value,
    params: () => LayerObj['params'],
    takesMask = false,
    passesMask = false,
    showsShapeWhenTraced = true,
  ): Value {
    return callOpaqueImpl(this, layer, args, node, run, params, takesMask, passesMask, showsShapeWhenTraced);
  }

  modelAttribute(model: ModelObj, attr: string, self: Value): Value {
    return modelAttributeImpl(this, model, attr, self);
  }

  layerAttribute(layer: LayerObj, attr: string, self: Value): Value {
    return layerAttributeImpl(this, layer, attr, self);
  }

  callMethod(self: Value, name: string, args: Value[], kwargs: Array<[string, Value]>, node: SyntaxNode): Value {
    return callMethodImpl(this, self, name, args, kwargs, node);
  }

  modelMethod(model: ModelObj, name: string, args: Value[], kwargs: Array<[string, Value]>, node: SyntaxNode): Value {
    return modelMethodImpl(this, model, name, args, kwargs, node);
  }
}

export function model_layers(model: ModelObj): LayerObj[] {
  return model.layers.flatMap((l) => (l.model ? [l, ...model_layers(l.model)] : [l]));
}

/** The input shape a layer declares with `input_shape=`/`input_dim=` (Keras 2 style), with the batch axis. */
export function declaredInputShape(layer: LayerObj): Shape | null {
  const kw = new Map(layer.call.kwargs);
  const dim = baseInputDim(layer) ? kw.get('input_dim') : undefined;
  if (dim && dim.kind === 'int') return [null, dim.value];
  const shape = kw.get('input_shape');
  if (!shape || shape.kind === 'none') return null;
  if (shape.kind === 'tuple' || shape.kind === 'list')
    return [null, ...shape.items.map((x) => (x.kind === 'int' ? x.value : x.kind === 'none' ? null : '?'))];
  return null;
}

/**
 * True when `input_dim=` is the base `Layer`'s (an input shape), not a
 * parameter of the layer's own (Embedding's vocabulary size).
 */
export function baseInputDim(layer: LayerObj): boolean {
  return layer.constructed.status !== 'ok'
    ? !/^(Embedding|CategoryEncoding)$/.test(layer.className)
    : !layer.constructed.layer.rule.signature.some((p) => p.name === 'input_dim');
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

function hasUnknownTensor(a: CallArg): boolean {
  if (a.kind === 'list') return a.items.some(hasUnknownTensor);
  return a.kind === 'value' && a.value.kind === 'unknown';
}

export function flattenTensorValues(v: Value): TensorObj[] | undefined {
  if (v.kind === 'tensor') return [v.tensor];
  const items = asItems(v) ?? (v.kind === 'dict' ? dictValuesInKeyOrder(v.entries) : undefined);
  if (!items) return undefined;
  const out: TensorObj[] = [];
  for (const item of items) {
    const inner = flattenTensorValues(item);
    if (!inner) return undefined;
    out.push(...inner);
  }
  return out;
}

/**
 * A built layer keeps its weights: called again on inputs that would need
 * weights of other shapes, Keras refuses (the input spec its build set, or
 * the weights' own shapes). The message, in Keras's words where one axis
 * differs; undefined when the weights fit or are not all known.
 */
function rebuildProblem(layer: LayerObj, weights: LayerObj['weights'], inputShapes: Shape[]): string | undefined {
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
      return `Input 0 of layer '${layer.name}' is incompatible with the layer: expected axis ${k === now.length - 1 ? -1 : k} of input shape to have value ${first[k]}, but received input with shape ${formatShape(now)}`;
    }
  }
  return `Layer '${layer.name}' was built for inputs of shape ${first ? formatShape(first) : '?'}; its weights do not fit inputs of shape ${now ? formatShape(now) : '?'}.`;
}

/**
 * The engine names a layer in its messages by class (it does not know the
 * record); Keras names it by its name (`lstm_1`), which the record knows.
 */
function namedInMessage(message: string, layer: LayerObj): string {
  return message.replace(/^Input (\d+) of layer '[^']*'/, (_, i: string) => `Input ${i} of layer '${layer.name}'`);
}

/** A dict's values as Keras flattens it (`keras.tree`): by sorted key, where the keys are strings. */
function dictValuesInKeyOrder(entries: Array<[Value, Value]>): Value[] {
  if (!entries.every(([k]) => k.kind === 'str')) return entries.map(([, x]) => x);
  const key = (k: Value) => (k as { value: string }).value;
  return [...entries].sort(([a], [b]) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0)).map(([, x]) => x);
}

/** Parameter totals of a model: sums over its rows once each; null when any is unknown or it is unbuilt. */
const NO_PARAMS = { total: 0, trainable: 0, nonTrainable: 0 };

export function modelTotals(model: ModelObj): {
  total: number | null;
  trainable: number | null;
  nonTrainable: number | null;
} {
  if (!model.built || model.broken) return { total: null, trainable: null, nonTrainable: null };
  let total: number | null = 0;
  let trainable: number | null = 0;
  let nonTrainable: number | null = 0;
  const seen = new Set<LayerObj>();
  for (const l of model.layers) {
    if (seen.has(l)) continue;
    seen.add(l);
    // In a built subclassed model a layer never called has no weights yet (Keras counts 0); one whose
    // call was not understood is unknown. (A Sequential with a layer it could not build has no totals.)
    const p = l.model ? modelTotals(l.model) : (l.params ?? (model.instance && !l.called ? NO_PARAMS : null));
    total = p && p.total !== null && total !== null ? total + p.total : null;
    if (
      !p ||
      p.trainable === null ||
      p.nonTrainable === null ||
      trainable === null ||
      nonTrainable === null ||
      l.trainableUnknown
    ) {
      trainable = null;
      nonTrainable = null;
      continue;
    }
    if (l.frozen) nonTrainable += p.trainable + p.nonTrainable;
    else {
      trainable += p.trainable;
      nonTrainable += p.nonTrainable;
    }
  }
  return { total, trainable, nonTrainable };
}

/** The span of the first keyword argument of a call node with one of these names. */
/**
 * The first dimension of the shape given to `keyword` (or at `position`)
 * when the source writes it as a batch size (`shape=(BATCH_SIZE, 28, 28)`):
 * `shape=` and `input_shape=` leave the batch axis out, so such a shape has
 * an axis too many. Only a name that says "batch" counts; a number cannot tell.
 */
export function batchNamedDimension(call: SyntaxNode, keyword: string, position?: number): Span | undefined {
  const args = call.childForFieldName('arguments')?.namedChildren.filter((c) => c.type !== 'comment') ?? [];
  let shape = args
    .find((c) => c.type === 'keyword_argument' && c.childForFieldName('name')?.text === keyword)
    ?.childForFieldName('value');
  if (!shape && position !== undefined && args[position] && args[position].type !== 'keyword_argument')
    shape = args[position];
  while (shape?.type === 'parenthesized_expression') shape = shape.namedChildren[0];
  if (shape?.type !== 'tuple' && shape?.type !== 'list') return undefined;
  const first = shape.namedChildren.find((c) => c.type !== 'comment');
  const name =
    first?.type === 'identifier'
      ? first.text
      : first?.type === 'attribute'
        ? first.childForFieldName('attribute')?.text
        : undefined;
  return name && /batch/i.test(name) ? spanOf(first!) : undefined;
}

function keywordSpan(call: SyntaxNode, names: string[]): Span | undefined {
  const kw = call
    .childForFieldName('arguments')
    ?.namedChildren.find(
      (c) => c.type === 'keyword_argument' && names.includes(c.childForFieldName('name')?.text ?? ''),
    );
  return kw ? spanOf(kw) : undefined;
}

interface CallMemo {
  tag: 'call';
  constructed: ConstructedLayer;
  format: string;
  shape: Shape;
  called: Called;
}

interface ConstructMemo {
  tag: 'construct';
  className: string;
  format: string;
  call: LayerCall;
  constructed: Constructed;
  /** The callee's dotted name as last written (`layers.Dense`), and the `name=` argument, once read. */
  qualname?: string;
  nameArg?: PyValue;
}

const LITERAL_TYPES = new Set(['integer', 'float', 'true', 'false', 'none', 'comment']);

/** True when every argument of a call node is a literal (numbers, strings, constants, tuples and lists of them). */
function hasLiteralArguments(call: SyntaxNode): boolean {
  const args = call.childForFieldName('arguments');
  return (
    !args ||
    args.type !== 'argument_list' ||
    args.namedChildren.every((c) => isLiteral(c.type === 'keyword_argument' ? c.childForFieldName('value') : c))
  );
}

function isLiteral(node: SyntaxNode | null): boolean {
  if (!node) return false;
  if (LITERAL_TYPES.has(node.type)) return true;
  switch (node.type) {
    case 'string':
      return !node.namedChildren.some((c) => c.type === 'interpolation');
    case 'tuple':
    case 'list':
    case 'parenthesized_expression':
      return node.namedChildren.every(isLiteral);
    case 'unary_operator':
      return isLiteral(node.childForFieldName('argument'));
    default:
      return false;
  }
}
