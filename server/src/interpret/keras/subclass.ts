/**
 * The file's classes deriving from `keras.layers.Layer` and `keras.Model`
 * (Python's side of classes is python/objects.ts): which Keras base a class
 * has, the record an instance gets, Keras's base `__init__` (reached directly or through
 * `super().__init__(...)`: `name=`, and the functional form
 * `MyModel(inputs, outputs)`), `self.add_weight`, the `build` Keras runs
 * before the first call, calls (a custom layer is one node of the caller's
 * graph; a subclassed model runs its `call`), and the parameters of a custom
 * layer (its own weights plus those of the layers it holds).
 */

import { errorOf, type CheckedError } from '../../shapes/errors';
import { toSnakeCase } from '../../shapes/naming';
import type { PyNode as SyntaxNode } from '../../syntax/ast';
import { findMethod } from '../python/objects';
import { pyRepr } from '../python/strings';
import {
  asItems,
  asShape,
  type ClassObj,
  type FunctionObj,
  hasKwarg,
  type InstanceObj,
  type LayerObj,
  type ModelObj,
  newTensor,
  NONE_V,
  shapeValue,
  spanOf,
  type TensorObj,
  UNKNOWN,
  type Value,
} from '../values';
import type { KerasApi } from './api';
import { fillFunctional } from './functional';
import { constructCached } from './layers';
import { modelMethod } from './modelMethods';
import { canonicalName, layerClassOf } from './names';
import { callOpaque } from './opaque';
import { modelAsLayer, modelTotals, newModel, rename } from './records';
import { initCalledInSource, neverInitialised, uninitialisedMethodError } from './uninitialised';

type Kwargs = Array<[string, Value]>;
type Params = { total: number | null; trainable: number | null; nonTrainable: number | null };

/** A class of the file whose bases include Keras classes: which Keras base it has (`kerasBase`, `layerBase`). */
export function kerasBases(cls: ClassObj): void {
  for (const b of cls.bases) {
    if (b.kind === 'ref') {
      const q = canonicalName(b.qualname);
      if (q === 'keras.Model' || q === 'keras.Sequential') {
        cls.kerasBase = 'Model';
        if (q === 'keras.Sequential') cls.sequentialBase = true;
      } else if (q === 'keras.layers.Layer') cls.kerasBase = 'Layer';
      else if (layerClassOf(q)) {
        cls.kerasBase = 'Layer';
        cls.layerBase = layerClassOf(q);
      }
    } else if (b.kind === 'class' && b.cls.kerasBase) {
      cls.kerasBase = b.cls.kerasBase;
      cls.layerBase ??= b.cls.layerBase;
      if (b.cls.sequentialBase) cls.sequentialBase = true;
    }
  }
}

/** An instance of a file's layer or model being made: the layer or model record Keras's base `__init__` makes. */
export function kerasInstance(api: KerasApi, inst: InstanceObj, node: SyntaxNode): void {
  const cls = inst.cls;
  if (cls.kerasBase === 'Model') {
    inst.model = newModel(api, cls.name, node);
    inst.model.instance = inst;
    // A Sequential subclass builds from the layers given to its constructor, as a Sequential: not followed, so unknown.
    if (cls.sequentialBase) inst.model.broken = true;
  } else if (cls.kerasBase === 'Layer') {
    inst.layer = api.makeOp(cls.name, spanOf(node), api.uniqueName(toSnakeCase(cls.name)));
    inst.layer.isOp = false;
    inst.layer.params = null;
    inst.layer.instance = inst;
  }
}

/** Keras's own `Layer.__init__` / `Model.__init__` for a user subclass. */
/**
 * What `keras.layers.Layer.__init__` accepts (its keyword-only parameters, and the two input-shape keywords it
 * pops), held to Keras by `test/interpret/kerasApiFacts.test.ts` (`layer_init` of `test/truth/keras-api/`).
 */
export const LAYER_INIT_KEYWORDS = new Set([
  'activity_regularizer',
  'trainable',
  'dtype',
  'autocast',
  'name',
  'input_dim',
  'input_shape',
]);

function kerasInit(api: KerasApi, inst: InstanceObj, args: Value[], kwargs: Kwargs, node: SyntaxNode): void {
  let name: Value | undefined;
  let inputs: Value | undefined = args[0];
  let outputs: Value | undefined = args[1];
  for (const [k, v] of kwargs) {
    if (k === 'name') name = v;
    else if (k === 'inputs') inputs = v;
    else if (k === 'outputs') outputs = v;
  }
  const record = inst.model ?? inst.layer;
  if (record && name?.kind === 'str') rename(api, record, name.value);
  const base = inst.cls.layerBase;
  if (inst.layer && !inst.model && !base) {
    // `keras.layers.Layer.__init__` takes these keywords only (a user's `**kwargs` passed on must fit them).
    const unknownKw = kwargs.filter(([k]) => !LAYER_INIT_KEYWORDS.has(k));
    if (unknownKw.length > 0) {
      const keywords = unknownKw.map(([k, v]): [string, string | undefined] => [k, pyRepr(v) ?? undefined]);
      api.interp.raise(errorOf('layerInitKeywords', { className: inst.cls.name, keywords }), node);
      return;
    }
    if (args.length > 0) {
      api.interp.raise(errorOf('tooManyPositional', { fn: 'Layer.__init__', takes: 1, given: args.length + 1 }), node);
      return;
    }
  }
  if (inst.layer && base) {
    // A subclass of a built-in layer: Keras's own constructor checks the arguments and makes the weights.
    const { call, constructed } = constructCached(api, base, args, kwargs, node, false);
    inst.layer.call = call;
    inst.layer.constructed = constructed;
    if (constructed.status === 'error') api.interp.raise(constructed.error, node);
  }
  if (inst.model && inputs && outputs) fillFunctional(api, inst.model, inputs, outputs, node);
}

/** An attribute Keras's base class gives a user layer or model; undefined when not one of those. */
export function kerasInstanceAttribute(inst: InstanceObj, attr: string, self: Value): Value | undefined {
  if (!inst.layer && !inst.model) return undefined;
  switch (attr) {
    case 'add_weight':
    case 'add_variable':
    case 'build':
      return { kind: 'method', self, name: attr };
    case 'built':
      return { kind: 'bool', value: inst.built === true };
    case 'name':
      if (inst.layer) return { kind: 'str', value: inst.layer.name };
      return undefined;
    default:
      return undefined;
  }
}

/** A method of Keras's base class called on a user layer or model (directly or via `super()`). */
export function kerasBaseMethod(
  api: KerasApi,
  self: Value,
  name: string,
  args: Value[],
  kwargs: Kwargs,
  node: SyntaxNode,
): Value {
  const target = self.kind === 'super' ? self.self : self;
  if (target.kind !== 'instance') return UNKNOWN;
  const inst = target.inst;
  switch (name) {
    case '__init__':
      inst.initialized = true;
      if (inst.layer || inst.model) kerasInit(api, inst, args, kwargs, node);
      return NONE_V;
    case 'add_weight': {
      const problem = addWeightArgsProblem(args, kwargs);
      if (problem) return api.interp.raise(problem, node);
      return addWeight(inst, args, kwargs);
    }
    case 'add_variable':
      return addWeight(inst, args, kwargs);
    case 'build':
      // Keras's own `build` on a model that does not define one marks it built without building its layers.
      inst.built = true;
      if (inst.model) inst.model.built = true;
      return NONE_V;
    default:
      if (self.kind === 'instance' && inst.model) return modelMethod(api, inst.model, name, args, kwargs, node);
      return UNKNOWN;
  }
}

/**
 * What Keras 3's `add_weight(*args, shape=None, initializer=None, dtype=None, ...)` refuses of its
 * positional arguments, kept to catch Keras 2's order: more than three, a name first, or one given
 * both ways.
 */
function addWeightArgsProblem(args: Value[], kwargs: Kwargs): CheckedError | undefined {
  if (args.length === 0) return undefined;
  if (args.length > 3) return errorOf('addWeightTooManyPositional', { given: args.length });
  if (args[0].kind === 'str') return errorOf('addWeightNamePositional', { name: args[0].value });
  const given = (k: string) => kwargs.some(([name, v]) => name === k && v.kind !== 'none' && v.kind !== 'unknown');
  const both = ['shape', 'initializer', 'dtype'].find((k, i) => i < args.length && given(k));
  return both ? errorOf('addWeightBothWays', { argument: both }) : undefined;
}

/** `self.add_weight(shape=..., trainable=...)`: records the weight, gives a value of that shape. */
function addWeight(inst: InstanceObj, args: Value[], kwargs: Kwargs): Value {
  let shapeV: Value | undefined = args[0];
  let trainableV: Value | undefined = args[3];
  for (const [k, v] of kwargs) {
    if (k === 'shape') shapeV = v;
    else if (k === 'trainable') trainableV = v;
  }
  // Keras 3 takes the shape first; a name there is the Keras 2 order, not modelled.
  const shape = shapeV === undefined || shapeV.kind === 'none' ? [] : shapeV.kind === 'str' ? null : asShape(shapeV);
  const known = shape && shape.every((d) => typeof d === 'number') ? shape : null;
  const trainable = trainableV === undefined ? true : trainableV.kind === 'bool' ? trainableV.value : undefined;
  (inst.ownWeights ??= []).push({ shape: known, trainable });
  return { kind: 'array', shape: known };
}

/** A value assigned to an attribute of a user layer: a `Variable` made by hand is a weight of unknown size. */
export function trackAssigned(inst: InstanceObj, value: Value): void {
  if (value.kind === 'object' && value.qualname.endsWith('.Variable'))
    (inst.ownWeights ??= []).push({ shape: null, trainable: undefined });
  if (value.kind === 'array' && value.variable) {
    const known = value.shape && value.shape.every((d) => typeof d === 'number') ? value.shape : null;
    (inst.ownWeights ??= []).push({ shape: known, trainable: value.variable.trainable });
  }
}

/** The shape argument Keras passes to `build`: a tuple for a tensor, a list of them for a list. */
function buildShapeArg(v: Value | undefined): Value {
  if (!v) return UNKNOWN;
  const shape = v.kind === 'tensor' ? v.tensor.shape : v.kind === 'array' ? v.shape : undefined;
  if (shape !== undefined) return shape ? shapeValue(shape) : UNKNOWN;
  if (v.kind === 'list' || v.kind === 'tuple') return { kind: 'list', items: v.items.map(buildShapeArg) };
  return UNKNOWN;
}

/** Keras's `_maybe_build`: the user's `build` runs once, on the shapes of the first call. */
function maybeBuild(api: KerasApi, inst: InstanceObj, args: Value[]): void {
  if (inst.built) return;
  inst.built = true;
  const build = findMethod(inst.cls, 'build');
  if (build) api.interp.callFunction(build, [buildShapeArg(args[0])], [], { kind: 'instance', inst });
}

/** Calling an instance of a file's model or layer. */
export function callInstance(api: KerasApi, inst: InstanceObj, args: Value[], kwargs: Kwargs, node: SyntaxNode): Value {
  if (inst.model && neverInitialised(inst)) {
    const refused = uninitialisedMethodError(inst, '__call__');
    if (refused) return api.interp.raise(refused, node);
  }
  if (inst.model) return api.callLayer(modelAsLayer(api, inst.model), args, kwargs, node);
  if (inst.layer) {
    // A built-in layer's subclass: the built-in's shapes and weights (see `KerasApi.callLayer`).
    if (inst.cls.layerBase) return api.callLayer(inst.layer, args, kwargs, node);
    // `Layer.__call__` first checks that the base `__init__` ran.
    if (!inst.initialized && !initCalledInSource(inst.cls))
      return api.interp.raise(errorOf('layerSuperInitMissing', { className: inst.cls.name }), node);
    const fn = findMethod(inst.cls, 'call');
    // Keras takes a symbolic call's shapes from `compute_output_shape` when the class defines one,
    // without tracing `call` (which may use anything); `build` still makes the weights.
    const outputShapeFn = findMethod(inst.cls, 'compute_output_shape');
    const self: Value = { kind: 'instance', inst };
    // Keras hands the input's mask to a `call` that declares a `mask` parameter.
    const takesMask = !!fn && hasParameter(fn, 'mask');
    const inputMask = takesMask && !hasKwarg(kwargs, 'mask') ? firstMask(args) : undefined;
    const callKwargs: Kwargs = inputMask
      ? [...kwargs, ['mask', { kind: 'tensor', tensor: newTensor(inputMask.shape) }]]
      : kwargs;
    const supports = inst.attrs.get('supports_masking');
    const out = callOpaque(
      api,
      inst.layer,
      args,
      node,
      (detached) => {
        maybeBuild(api, inst, detached);
        const declared = outputShapeFn
          ? declaredOutputs(api.interp.callFunction(outputShapeFn, [buildShapeArg(detached[0])], [], self))
          : undefined;
        if (declared) return declared;
        return fn ? api.interp.callFunction(fn, detached, callKwargs, self) : UNKNOWN;
      },
      () => customLayerParams(inst),
      takesMask,
      supports?.kind === 'bool' && supports.value,
      // Traced inside another call, the row shows `compute_output_shape` of the build shapes: a layer
      // with its own `build` (else Keras builds it at construction, without shapes) and `compute_output_shape`.
      !!outputShapeFn && !!findMethod(inst.cls, 'build'),
    );
    return withOwnMask(api, inst, args, out);
  }
  return UNKNOWN;
}

/**
 * A class that defines `compute_mask` supports masking: after a symbolic call Keras calls it on the call's
 * own (symbolic) inputs and the input's mask, and the output carries what it returns. Its ops are graph
 * ops of the model (rows of its summary); TensorFlow's functions there refuse the symbolic tensors.
 */
function withOwnMask(api: KerasApi, inst: InstanceObj, args: Value[], out: Value): Value {
  const maskFn = findMethod(inst.cls, 'compute_mask');
  if (!maskFn || api.tracing > 0 || out.kind !== 'tensor' || args[0]?.kind !== 'tensor') return out;
  const previous = firstMask(args);
  const mask = api.interp.callFunction(
    maskFn,
    [args[0], previous ? { kind: 'tensor', tensor: previous } : NONE_V],
    [],
    { kind: 'instance', inst },
  );
  if (mask.kind === 'tensor') out.tensor.mask = mask.tensor;
  return out;
}

/**
 * The tensors a `compute_output_shape` result stands for: a shape tuple, or a
 * list of them; undefined when it is not known (the body is traced instead).
 */
function declaredOutputs(v: Value): Value | undefined {
  const items = asItems(v);
  if (!items) return undefined;
  if (items.length > 0 && items.every((i) => asItems(i))) {
    const parts = items.map(declaredOutputs);
    return parts.every((p) => p) ? { kind: 'list', items: parts as Value[] } : undefined;
  }
  const shape = asShape(v);
  return shape && !shape.includes('?') ? { kind: 'tensor', tensor: { shape, index: 0 } } : undefined;
}

/** True when a subclassed model runs its own `call` (not the functional graph Keras made for it). */
export function hasOwnCall(model: ModelObj): boolean {
  return !!model.instance && !!findMethod(model.instance.cls, 'call');
}

/** A subclassed model called: its `build` once, then its `call` on the arguments. */
export function callSubclassed(api: KerasApi, model: ModelObj, args: Value[], kwargs: Kwargs): Value {
  const inst = model.instance!;
  const call = findMethod(inst.cls, 'call');
  if (!call) return UNKNOWN;
  maybeBuild(api, inst, args);
  const out = api.interp.callFunction(call, args, kwargs, { kind: 'instance', inst });
  model.built = model.layers.every((l) => l.params !== null) || model.layers.length === 0;
  // On data (an eager call, or the first batch of `fit`) the output is an array of the batch's size.
  const shape = out.kind === 'tensor' ? out.tensor.shape : out.kind === 'array' ? out.shape : null;
  model.outputShapes = shape ? [shape] : null;
  return out;
}

/** A custom layer's parameters: its own weights and those of the layers it holds; unknown when any is. */
function customLayerParams(inst: InstanceObj): Params {
  // The built-in layer it derives from makes weights the analysis does not trace through a user `call`.
  if (inst.cls.layerBase) return { total: null, trainable: null, nonTrainable: null };
  let trainable: number | null = 0;
  let nonTrainable: number | null = 0;
  for (const w of inst.ownWeights ?? []) {
    if (!w.shape || w.trainable === undefined) return { total: null, trainable: null, nonTrainable: null };
    let n = 1;
    for (const d of w.shape) n *= d as number;
    if (w.trainable) trainable += n;
    else nonTrainable += n;
  }
  const seen = new Set<LayerObj>();
  const add = (v: Value) => {
    const l = v.kind === 'layer' ? v.layer : v.kind === 'instance' ? (v.inst.layer ?? undefined) : undefined;
    const p =
      v.kind === 'model'
        ? modelTotals(v.model)
        : v.kind === 'instance' && v.inst.model
          ? modelTotals(v.inst.model)
          : l && !seen.has(l)
            ? // Never called: no weights; called on what is not known: built, with weights not known.
              (seen.add(l),
              l.params ?? (l.outputShapes === null && !l.called ? { total: 0, trainable: 0, nonTrainable: 0 } : null))
            : undefined;
    if (p === undefined) return;
    if (!p || p.trainable === null || p.nonTrainable === null || trainable === null || nonTrainable === null) {
      trainable = nonTrainable = null;
      return;
    }
    trainable += p.trainable;
    nonTrainable += p.nonTrainable;
  };
  for (const v of inst.attrs.values()) {
    add(v);
    if (v.kind === 'list' || v.kind === 'tuple') for (const item of v.items) add(item);
  }
  const t = trainable as number | null;
  const n = nonTrainable as number | null;
  return { total: t === null || n === null ? null : t + n, trainable: t, nonTrainable: n };
}

/** True when a user function declares a parameter of this name. */
function hasParameter(fn: FunctionObj, name: string): boolean {
  return (fn.node.childForFieldName('parameters')?.namedChildren ?? []).some(
    (p) =>
      (p.type === 'identifier' ? p.text : (p.childForFieldName('name')?.text ?? p.namedChildren[0]?.text)) === name,
  );
}

/** The mask carried by the first input tensor of a call, if any. */
function firstMask(args: Value[]): TensorObj | undefined {
  const first = args[0];
  return first?.kind === 'tensor' ? first.tensor.mask : undefined;
}
