/**
 * `keras.Sequential`: its constructor, `add` (an Input, a layer, a model),
 * and Keras's rebuild from the input shape, which calls every layer in order.
 */

import { errorOf } from '../../shapes/errors';
import type { Shape } from '../../shapes/shape';
import { pyRepr } from '../../shapes/values';
import type { PyNode as SyntaxNode } from '../../syntax/ast';
import { asItems, type LayerObj, type ModelObj, newTensor, toPy, type Value } from '../values';
import type { KerasApi } from './api';
import { unexpectedKeyword } from './kerasClasses';
import { baseInputDim, declaredInputShape } from './layers';
import { layerClassOf } from './names';
import { modelAsLayer, newModel } from './records';

export function makeSequential(api: KerasApi, args: Value[], kwargs: Array<[string, Value]>, node: SyntaxNode): Value {
  // `Sequential([...], input_shape=...)`: the constructor takes layers, trainable and name only.
  const unexpected = unexpectedKeyword(
    'keras.Sequential',
    kwargs.map(([k]) => k),
  );
  if (unexpected) return api.interp.raise(unexpected, node);
  const kw = new Map(kwargs);
  const model = newModel(api, 'Sequential', node, kw.get('name'));
  const layersArg = args[0] ?? kw.get('layers');
  try {
    for (const item of (layersArg && asItems(layersArg)) ?? []) sequentialAdd(api, model, item, node, false);
    if (model.layers.length > 0) sequentialRebuild(api, model, node);
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
      api.interp.raise(errorOf('sequentialInputConfigured', { model: model.name, shape: model.inputShape }), node);
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
  else if (item.kind === 'model') layer = modelAsLayer(api, item.model);
  else if (item.kind === 'instance' && (item.inst.model || item.inst.layer))
    layer = item.inst.layer ?? modelAsLayer(api, item.inst.model!);
  if (!layer) {
    // What a library function returns may well be a layer or a model (`load_model(...)`, a hub layer).
    if (item.kind === 'unknown' || item.kind === 'object') {
      model.broken = true;
      return;
    }
    const className = item.kind === 'ref' ? layerClassOf(item.qualname) : undefined;
    const plain = ['int', 'float', 'str', 'bool', 'none'].includes(item.kind) ? toPy(item) : undefined;
    api.interp.raise(errorOf('sequentialNotLayer', { className, value: plain, valueKind: item.kind }), node);
    return;
  }
  if (model.layers.length === 0 && model.inputShape === null) {
    const declaredArg = new Map(layer.call.kwargs).get('input_shape');
    if (declaredArg?.kind === 'int') {
      // Keras fails making the InputLayer, before the layer is added.
      api.interp.raise(errorOf('sequentialInputShapeInt', { value: declaredArg.value }), node);
      return;
    }
    const dimArg = baseInputDim(layer) ? new Map(layer.call.kwargs).get('input_dim') : undefined;
    const dimType = dimArg && { float: 'float', tuple: 'tuple', list: 'list', str: 'str' }[dimArg.kind as string];
    const dimRepr = dimType && pyRepr(dimArg);
    if (dimRepr) {
      // Keras makes the input shape `(input_dim,)`, which only an integer fits.
      const str = dimArg.kind === 'str' ? dimArg.value : dimRepr;
      api.interp.raise(errorOf('sequentialInputDimInvalid', { repr: dimRepr, str, type: dimType }), node);
      return;
    }
    const declared = declaredInputShape(layer);
    if (declared) {
      model.inputShape = declared;
      // Keras adds `InputLayer(shape=...)` before the layer, drawing its name (and its tensor's).
      model.inputLayerName = api.uniqueName('input_layer');
      model.inputTensorName = api.tensorName();
    }
  }
  // Names Keras draws are not compared: where numbering is not followed exactly, a false clash would follow.
  const clash =
    layer.namedInSource && model.layers.find((l) => l !== layer && l.namedInSource && l.name === layer.name);
  if (clash) {
    api.interp.raise(errorOf('sequentialNameClash', { name: layer.name }), node);
    return;
  }
  model.layers.push(layer);
  if (!rebuild) return;
  const last = model.outputShapes;
  if (model.built && last?.length === 1 && model.layers.length > 1) {
    // Keras rebuilds the whole stack, but built layers give the same shapes again: extend it by the new layer.
    const spans = layer.callSpans.length;
    // Keras calls every earlier layer again first, each output a new KerasTensor: the last is the new layer's input.
    const input = newTensor(last[0]);
    const earlier = model.layers.filter((l) => l.className !== 'InputLayer').length - 1;
    const name = api.lastOfTensorNames(earlier);
    if (name) input.kerasName = name;
    const out = api.callLayer(layer, [{ kind: 'tensor', tensor: input }], [], node);
    layer.callSpans.length = spans;
    model.outputShapes = out.kind === 'tensor' && out.tensor.shape ? [out.tensor.shape] : null;
    model.built = out.kind === 'tensor';
    api.uniqueName('functional');
    return;
  }
  sequentialRebuild(api, model, node);
}

/** The batch input shape a Sequential can be built from: an Input, `input_shape=` on its first layer, or a built model first. */
function sequentialInput(model: ModelObj): Shape | null {
  if (model.inputShape) return model.inputShape;
  const first = model.layers[0];
  // Keras builds from a first layer's own `input_shape` (a built model) once a second layer is there.
  if (first?.model?.built && first.model.inputShape && model.layers.length > 1) return first.model.inputShape;
  return null;
}

/** Keras's `_maybe_rebuild`: with a known input, run every layer in order. */
export function sequentialRebuild(api: KerasApi, model: ModelObj, node: SyntaxNode): void {
  model.built = false;
  const input = sequentialInput(model);
  if (!input || model.layers.length === 0) return;
  model.inputShape = input;
  // Keras's `build` puts an InputLayer first when the stack has none, drawing its name.
  if (!model.inputLayer && !model.inputLayerName) {
    model.inputLayerName = api.uniqueName('input_layer');
    model.inputTensorName = api.tensorName();
  }
  // From its Input, when it has one, the Sequential's layers form a graph (`model.inputs`, `layer.output`).
  let x: Value = { kind: 'tensor', tensor: model.inputTensor ?? newTensor(input) };
  if (!model.inputTensor && model.inputTensorName) x.tensor.kerasName = model.inputTensorName;
  // The graph is Keras's own symbolic one, even when the build happens inside a traced call.
  const tracing = api.tracing;
  api.tracing = 0;
  try {
    for (const layer of model.layers) {
      api.interp.tick();
      const spans = layer.callSpans.length;
      x = api.callLayer(layer, [x], [], node);
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
  // Each build wraps the stack in a new `Functional`, which draws a name.
  api.uniqueName('functional');
}
