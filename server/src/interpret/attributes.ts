/**
 * Attributes and methods of library values: Keras modules (`keras.layers`),
 * models (`.layers`, `.add`, `.compile`, ...), layers (`.output`,
 * `.trainable`), tensors and arrays (`.shape`), and what Keras's base
 * classes give the instances of the file's layers and models.
 */

import type { PyNode as SyntaxNode } from '../syntax/ast';
import { moduleAttributeError } from './kerasModules';
import { canonicalName } from './names';
import { model_layers, type KerasApi } from './kerasApi';
import { arrayAttribute, arrayMethod } from './numpy/arrays';
import { callOp } from './ops/ops';
import { isOptimizerName, OPTIMIZER_NAMES } from './optimizers';
import { mathConstant } from './python/pymath';
import { quantizeMode, quantizeModel } from './quantize';
import { kerasBaseMethod, kerasInstanceAttribute, trackAssigned } from './subclass';
import {
  kwarg,
  asItems,
  asShape,
  shapeValue,
  newTensor,
  NONE_V,
  spanOf,
  unknown,
  UNKNOWN,
  type LayerObj,
  type ModelObj,
  type Value,
} from './values';

export function getAttribute(api: KerasApi, obj: Value, attr: string, node: SyntaxNode): Value {
  switch (obj.kind) {
    case 'ref': {
      // The same dotted name is read on every run of this node: keep one value for it.
      const memo = node.memo as { base: string; judged: boolean; value: Value } | undefined;
      const judged = obj.judged === true;
      if (memo && memo.base === obj.qualname && memo.judged === judged) return memo.value;
      // A name Keras 3's module does not have (`keras.backend.Variable`, `keras.utils.np_utils`) is Python's AttributeError.
      const missing = judged ? moduleAttributeError(obj.qualname, attr) : undefined;
      if (missing) return api.interp.raise(missing.pyType, missing.message, node);
      const qualname = `${obj.qualname}.${attr}`;
      const value: Value = mathConstant(qualname) ?? { kind: 'ref', qualname, judged };
      node.memo = { base: obj.qualname, judged, value };
      return value;
    }
    case 'instance': {
      // An instance of a file's layer or model: what Keras's base class has (its own attributes came first).
      const base = kerasInstanceAttribute(obj.inst, attr, obj);
      if (base) return base;
      if (obj.inst.model) return api.getAttribute({ kind: 'model', model: obj.inst.model }, attr, node);
      return unknown(`attribute ${attr}`);
    }
    case 'model':
      return api.modelAttribute(obj.model, attr, obj);
    case 'layer':
      return api.layerAttribute(obj.layer, attr, obj);
    case 'tensor': {
      const shape = obj.tensor.shape;
      if (attr === 'shape') return shape ? shapeValue(shape) : UNKNOWN;
      if (attr === 'ndim') return shape ? { kind: 'int', value: shape.length } : UNKNOWN;
      if (attr === 'reshape' || attr === 'astype' || attr === 'max') return { kind: 'method', self: obj, name: attr };
      return UNKNOWN;
    }
    case 'array':
      return arrayAttribute(api, obj, attr, node);
    default:
      return UNKNOWN;
  }
}

export function modelAttribute(api: KerasApi, model: ModelObj, attr: string, self: Value): Value {
  switch (attr) {
    case 'layers':
      // A functional model's layers start with its InputLayers (raw ops such as `x + y` are not layers);
      // a Sequential's do not include the InputLayer.
      return {
        kind: 'list',
        items: model.layers
          .filter((l) => (model.functional ? !l.isOp : l.className !== 'InputLayer'))
          .map((l) => (l.model ? { kind: 'model', model: l.model } : { kind: 'layer', layer: l }) as Value),
      };
    case 'output':
    case 'outputs':
    case 'input':
    case 'inputs': {
      const f = model.functional;
      const sequential =
        model.inputTensor && model.outputTensor
          ? { inputs: [model.inputTensor], outputs: [model.outputTensor] }
          : undefined;
      const graph = f ?? sequential;
      if (!graph) return UNKNOWN;
      const ts = attr.startsWith('output') ? graph.outputs : graph.inputs;
      const vals: Value[] = ts.map((t) => ({ kind: 'tensor', tensor: t }));
      return attr.endsWith('s') || vals.length !== 1 ? { kind: 'list', items: vals } : vals[0];
    }
    case 'output_shape':
      return model.outputShapes?.length === 1 ? shapeValue(model.outputShapes[0]) : UNKNOWN;
    case 'trainable':
      return model.layers.some((l) => l.trainableUnknown)
        ? UNKNOWN
        : { kind: 'bool', value: !model.layers.every((l) => l.frozen) };
    case 'name':
      return { kind: 'str', value: model.name };
    default:
      return { kind: 'method', self, name: attr };
  }
}

export function layerAttribute(api: KerasApi, layer: LayerObj, attr: string, self: Value): Value {
  switch (attr) {
    case 'output':
      if (layer.lastOutputs?.length === 1) return { kind: 'tensor', tensor: layer.lastOutputs[0] };
      return layer.outputShapes?.length === 1 ? { kind: 'tensor', tensor: newTensor(layer.outputShapes[0]) } : UNKNOWN;
    case 'output_shape':
      return layer.outputShapes?.length === 1 ? shapeValue(layer.outputShapes[0]) : UNKNOWN;
    case 'input': {
      // The tensors of the layer's last call, as its graph node holds them.
      const ins = layer.lastOutputs?.[0]?.node?.inputs;
      if (!ins || ins.length === 0) return UNKNOWN;
      return ins.length === 1
        ? { kind: 'tensor', tensor: ins[0] }
        : { kind: 'list', items: ins.map((t) => ({ kind: 'tensor', tensor: t }) as Value) };
    }
    case 'trainable':
      return layer.trainableUnknown ? UNKNOWN : { kind: 'bool', value: !layer.frozen };
    case 'name':
      return { kind: 'str', value: layer.name };
    default:
      return { kind: 'method', self, name: attr };
  }
}

/** `obj.attr = value` on a layer or model, or on an instance of a file's layer or model (which stored it already). */
export function setAttribute(api: KerasApi, obj: Value, attr: string, value: Value): void {
  if (obj.kind === 'instance') {
    if (attr === 'built' && value.kind === 'bool') obj.inst.built = value.value;
    trackAssigned(obj.inst, value);
    const model = obj.inst.model;
    if (model) {
      // Keras tracks every layer assigned to a model, alone or in a list, tuple or dict, in assignment order.
      const track = (v: Value): void => {
        const layer = trackedLayer(api, v);
        if (layer && !model.layers.includes(layer)) model.layers.push(layer);
      };
      track(value);
      for (const item of asItems(value) ?? (value.kind === 'dict' ? value.entries.map(([, v]) => v) : [])) track(item);
      if (value.kind === 'list') value.trackedBy = model;
    }
    return;
  }
  if (attr === 'trainable') {
    const targets = obj.kind === 'layer' ? [obj.layer] : obj.kind === 'model' ? model_layers(obj.model) : [];
    for (const l of targets) {
      if (value.kind === 'bool' && !!l.frozen === !value.value) continue;
      // On a path the file may not take (an `if` on an unknown value), or to an unknown value: which
      // weights train is not known, though how many there are still is.
      if (value.kind === 'bool' && api.interp.uncertain === 0) {
        l.frozen = !value.value;
        l.trainableUnknown = false;
      } else l.trainableUnknown = true;
    }
  }
}

/** The layers added to a list a model tracks (an attribute of a subclassed model) join the model's layers. */
export function trackListItems(api: KerasApi, model: ModelObj, added: Value[]): void {
  for (const v of added) {
    const layer = trackedLayer(api, v);
    if (layer && !model.layers.includes(layer)) model.layers.push(layer);
  }
}

/** The layer record a value stands for as an attribute of a model: a layer, a model, a user layer or model. */
function trackedLayer(api: KerasApi, v: Value): LayerObj | undefined {
  if (v.kind === 'layer') return v.layer;
  if (v.kind === 'model') return api.modelAsLayer(v.model);
  if (v.kind === 'instance') return v.inst.layer ?? (v.inst.model ? api.modelAsLayer(v.inst.model) : undefined);
  return undefined;
}

export function callMethod(
  api: KerasApi,
  self: Value,
  name: string,
  args: Value[],
  kwargs: Array<[string, Value]>,
  node: SyntaxNode,
): Value {
  if (self.kind === 'model') return api.modelMethod(self.model, name, args, kwargs, node);
  if (self.kind === 'instance' || self.kind === 'super') return kerasBaseMethod(api, self, name, args, kwargs, node);
  // `Normalization.adapt(data)` builds the layer for the data's whole shape, as an eager call would.
  if (
    self.kind === 'layer' &&
    name === 'adapt' &&
    self.layer.className === 'Normalization' &&
    !self.layer.params &&
    args[0]?.kind === 'array' &&
    args[0].shape
  ) {
    api.callLayerValue(self.layer, [args[0]], [], node);
    return NONE_V;
  }
  if (self.kind === 'tensor' && name === 'reshape')
    return callOp(api, 'reshape', [self, args.length === 1 ? args[0] : { kind: 'tuple', items: args }], [], node);
  if (self.kind === 'array') return arrayMethod(api, self, name, args, kwargs, node);
  return UNKNOWN;
}

const COMPILE_KEYWORDS = new Set([
  'optimizer',
  'loss',
  'loss_weights',
  'metrics',
  'weighted_metrics',
  'run_eagerly',
  'steps_per_execution',
  'jit_compile',
  'auto_scale_loss',
]);

export function modelMethod(
  api: KerasApi,
  model: ModelObj,
  name: string,
  args: Value[],
  kwargs: Array<[string, Value]>,
  node: SyntaxNode,
): Value {
  switch (name) {
    case 'add':
      if (model.kind === 'Sequential') api.sequentialAdd(model, args[0] ?? kwargs[0]?.[1] ?? UNKNOWN, node, true);
      return NONE_V;
    case 'pop': {
      const last = model.layers.pop();
      api.sequentialRebuild(model, node);
      return last ? { kind: 'layer', layer: last } : NONE_V;
    }
    case 'build': {
      const s = args[0] ?? kwarg(kwargs, 'input_shape');
      const shape = s ? asShape(s) : null;
      if (shape && model.kind === 'Sequential') {
        model.inputShape = shape;
        api.sequentialRebuild(model, node);
      }
      return NONE_V;
    }
    case 'quantize':
      quantizeModel(model_layers(model), quantizeMode(args, kwargs));
      return NONE_V;
    case 'compile': {
      // Keras's own `compile` takes these keywords only (Keras 2's `lr=` there raises).
      const unexpected = kwargs.find(([k]) => !COMPILE_KEYWORDS.has(k));
      if (unexpected)
        return api.interp.raise(
          'TypeError',
          `Trainer.compile() got an unexpected keyword argument '${unexpected[0]}'`,
          node,
        );
      const optimizer = kwarg(kwargs, 'optimizer') ?? args[0];
      if (optimizer?.kind === 'str' && !isOptimizerName(optimizer.value)) {
        return api.interp.raise(
          'ValueError',
          `Could not interpret optimizer identifier: ${optimizer.value} (Keras knows ${OPTIMIZER_NAMES.join(', ')}).`,
          node,
        );
      }
      // A single metric must still come in a list (or tuple, or dict).
      for (const [key, position] of [
        ['metrics', 3],
        ['weighted_metrics', 4],
      ] as const) {
        const m = kwarg(kwargs, key) ?? args[position];
        const single =
          m &&
          ((m.kind === 'str' && m.value !== '') ||
            (m.kind === 'object' && /^keras\.metrics\.[A-Z]/.test(canonicalName(m.qualname))));
        if (single) {
          const cls = m.kind === 'str' ? 'str' : canonicalName(m.qualname).split('.').pop();
          const shown = `${m.kind === 'str' ? m.value : `<${cls}>`} of type <class '${cls}'>`;
          return api.interp.raise(
            'ValueError',
            `Expected \`${key}\` argument to be a list, tuple, or dict. Received instead: ${key}=${shown}`,
            node,
          );
        }
      }
      model.compiled = { loss: kwarg(kwargs, 'loss') ?? args[1], spanOfCompile: spanOf(node) };
      return NONE_V;
    }
    case 'get_layer': {
      const key = args[0] ?? kwargs[0]?.[1];
      const l =
        key?.kind === 'str'
          ? model.layers.find((x) => x.name === key.value)
          : key?.kind === 'int'
            ? model.layers[key.value]
            : undefined;
      return l ? { kind: 'layer', layer: l } : UNKNOWN;
    }
    case 'predict':
    case '__call__':
      return UNKNOWN;
    default:
      return UNKNOWN;
  }
}
