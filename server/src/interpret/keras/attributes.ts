/**
 * Attributes and methods of library values: modules (`keras.layers`, a name
 * Keras 3's module lacks is an AttributeError), models (`.layers`,
 * `.output`, and their methods in modelMethods.ts), layers (`.output`,
 * `.trainable`), tensors (`.shape`), arrays (numpy/), and what Keras's base
 * classes give the instances of the file's layers and models.
 */

import type { PyNode as SyntaxNode } from '../../syntax/ast';
import { arrayAttribute, arrayMethod } from '../numpy/arrays';
import { isSklearnName, sklearnAttribute, sklearnMethod } from '../numpy/sklearn';
import { callOp } from '../ops/ops';
import { mathConstant } from '../python/pymath';
import {
  asItems,
  type LayerObj,
  type ModelObj,
  newTensor,
  NONE_V,
  shapeValue,
  UNKNOWN,
  unknown,
  type Value,
} from '../values';
import type { KerasApi } from './api';
import { lookupMethod } from './lookups';
import { moduleAttributeError } from './kerasModules';
import { modelMethod } from './modelMethods';
import { modelAsLayer, modelLayers } from './records';
import { plainKerasModelClass } from './kerasClasses';
import { kerasBaseMethod, kerasInstanceAttribute, trackAssigned } from './subclass';
import { isRemovedModelAttribute, raiseRemovedAttribute } from './trainingApi';
import { neverInitialised, uninitialisedAttributeError } from './uninitialised';

export function getAttribute(api: KerasApi, obj: Value, attr: string, node: SyntaxNode): Value {
  switch (obj.kind) {
    case 'ref': {
      // The same dotted name is read on every run of this node: keep one value for it.
      const memo = node.memo as { base: string; judged: boolean; value: Value } | undefined;
      const judged = obj.judged === true;
      if (memo && memo.base === obj.qualname && memo.judged === judged) return memo.value;
      // A name Keras 3's module does not have (`keras.backend.Variable`, `keras.utils.np_utils`) is Python's AttributeError.
      const missing = judged ? moduleAttributeError(obj.qualname, attr) : undefined;
      if (missing) return api.interp.raise(missing, node);
      const qualname = `${obj.qualname}.${attr}`;
      const value: Value = mathConstant(qualname) ?? { kind: 'ref', qualname, judged };
      node.memo = { base: obj.qualname, judged, value };
      return value;
    }
    case 'instance': {
      // A model whose `__init__` never ran Keras's lacks what it would have set.
      const refused =
        obj.inst.model && neverInitialised(obj.inst) ? uninitialisedAttributeError(obj.inst, attr) : undefined;
      if (refused) return api.interp.raise(refused, node);
      // An instance of a file's layer or model: what Keras's base class has (its own attributes came first).
      const base = kerasInstanceAttribute(obj.inst, attr, obj);
      if (base) return base;
      if (obj.inst.model) return getAttribute(api, { kind: 'model', model: obj.inst.model }, attr, node);
      return unknown(`attribute ${attr}`);
    }
    case 'model':
      // Keras 2's `fit_generator`, `predict_classes`: Keras 3's models (and a file's subclass of Model alone) lack them.
      if (isRemovedModelAttribute(attr) && (!obj.model.instance || plainKerasModelClass(obj.model.instance.cls)))
        return raiseRemovedAttribute(api, obj.model.kind, attr, node);
      return modelAttribute(obj.model, attr, obj);
    case 'layer':
      return layerAttribute(obj.layer, attr, obj);
    case 'tensor': {
      const shape = obj.tensor.shape;
      if (attr === 'shape') return shape ? shapeValue(shape) : UNKNOWN;
      if (attr === 'ndim') return shape ? { kind: 'int', value: shape.length } : UNKNOWN;
      if (attr === 'reshape' || attr === 'astype' || attr === 'max') return { kind: 'method', self: obj, name: attr };
      return UNKNOWN;
    }
    case 'array':
      return arrayAttribute(api, obj, attr, node);
    case 'object': {
      const known = obj.attrs?.find(([name]) => name === attr);
      if (known) return known[1];
      return (isSklearnName(obj.qualname) && sklearnAttribute(obj, attr)) || UNKNOWN;
    }
    default:
      return UNKNOWN;
  }
}

export function modelAttribute(model: ModelObj, attr: string, self: Value): Value {
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

function layerAttribute(layer: LayerObj, attr: string, self: Value): Value {
  switch (attr) {
    case 'output':
      if (layer.lastOutputs?.length === 1) return { kind: 'tensor', tensor: layer.lastOutputs[0] };
      // A layer of several outputs (an RNN's `return_state`): the list of them, as its node holds them.
      if (layer.lastOutputs && layer.lastOutputs.length > 1)
        return { kind: 'list', items: layer.lastOutputs.map((t) => ({ kind: 'tensor', tensor: t }) as Value) };
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
    const targets = obj.kind === 'layer' ? [obj.layer] : obj.kind === 'model' ? modelLayers(obj.model) : [];
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
  if (v.kind === 'model') return modelAsLayer(api, v.model);
  if (v.kind === 'instance') return v.inst.layer ?? (v.inst.model ? modelAsLayer(api, v.inst.model) : undefined);
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
  if (self.kind === 'model') return modelMethod(api, self.model, name, args, kwargs, node);
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
    api.callLayer(self.layer, [args[0]], [], node);
    return NONE_V;
  }
  const lookup = self.kind === 'layer' ? lookupMethod(api, self.layer, name, args) : undefined;
  if (lookup) return lookup;
  if (self.kind === 'tensor' && name === 'reshape')
    return callOp(api, 'reshape', [self, args.length === 1 ? args[0] : { kind: 'tuple', items: args }], [], node);
  if (self.kind === 'array') return arrayMethod(api, self, name, args, kwargs, node);
  if (self.kind === 'object' && isSklearnName(self.qualname)) return sklearnMethod(self, name, args);
  return UNKNOWN;
}
