/**
 * Saving a model, checked as Keras 3 checks it: `model.save(path)` and `keras.saving.save_model(model, path)`
 * refuse Keras 2's `save_format=` and SavedModel folders, and `model.save_weights(path)` wants a
 * `*.weights.h5` name. `load_model` of a path this run saved a model to rebuilds that model as Keras
 * deserialises it: fresh layers made on the loading line, with the saved names (a Sequential's rebuild makes
 * its inner Functional, which draws a `functional` name per layer added); any other load stays unknown. A
 * legacy `.h5` file compiled with a loss alias that does not deserialise (`'mse'`, recorded in `h5Reload.json`
 * by `test/truth/h5-reload/record.py`) fails to load unless `compile=False`.
 */

import { errorOf } from '../../shapes/errors';
import type { PyNode as SyntaxNode } from '../../syntax/ast';
import { isTruthy } from '../python/builtins';
import {
  type GraphNode,
  kwarg,
  type LayerObj,
  type ModelObj,
  newTensor,
  NONE_V,
  spanOf,
  type TensorObj,
  toPy,
  UNKNOWN,
  type Value,
} from '../values';
import type { KerasApi } from './api';
import h5Reload from './h5Reload.json';
import { hasSplat } from './trainingApi';

type Kwargs = Array<[string, Value]>;

/** `save(filepath, overwrite=True, zipped=None, **kwargs)`, the model's own arguments after the model. */
export function saveModel(api: KerasApi, args: Value[], kwargs: Kwargs, node: SyntaxNode, model?: ModelObj): Value {
  // `*args` or `**kwargs` in the call may hold any of them.
  if (hasSplat(node)) return UNKNOWN;
  const filepath = args[0] ?? kwarg(kwargs, 'filepath');
  const zipped = args[2] ?? kwarg(kwargs, 'zipped');
  const path = filepath?.kind === 'str' ? filepath.value : undefined;
  const rest = kwargs.filter(([k]) => !['filepath', 'overwrite', 'zipped', 'include_optimizer'].includes(k));
  const saveFormat = kwarg(rest, 'save_format');
  if (saveFormat) {
    const given = isTruthy(saveFormat);
    if (given === undefined || (given && path === undefined)) return UNKNOWN;
    if (given && !/\.(h5|hdf5|keras)$/.test(path!))
      return api.interp.raise(errorOf('saveFormatRemoved', { saveFormat: toPy(saveFormat) }), node);
  }
  const others = rest.filter(([k]) => k !== 'save_format');
  if (others.length > 0)
    return api.interp.raise(errorOf('saveArgumentsNotSupported', { names: others.map(([k]) => k) }), node);
  if (path === undefined) return UNKNOWN;
  // `zipped=None` means zipped, except on the Hugging Face hub.
  const zip = zipped === undefined || zipped.kind === 'none' ? !path.startsWith('hf://') : isTruthy(zipped);
  if (zip === undefined) return UNKNOWN;
  if (zip && !path.endsWith('.keras') && !/\.(h5|hdf5)$/.test(path))
    return api.interp.raise(errorOf('saveFilepathExtension', { filepath: path }), node);
  // A legacy `.h5` file keeps the compile's loss as it was given, which loading deserialises again.
  const legacy = /\.(h5|hdf5)$/.test(path);
  if (model && ((zip && path.endsWith('.keras')) || legacy))
    api.savedModels.set(path, { model, legacy, loss: legacy ? model.compiled?.loss : undefined });
  return NONE_V;
}

/** A model a `save` of this run wrote: the model, whether to a legacy `.h5` file, and its compiled loss then. */
export interface SavedModel {
  model: ModelObj;
  legacy: boolean;
  loss?: Value;
}

const H5_RELOAD = h5Reload.losses as Record<string, { type: string; message: string } | null>;

/**
 * `keras.models.load_model(filepath)` of a `.keras` file this run saved: a copy of the saved functional or
 * built Sequential model, its layers made anew on this line. Models holding models or layers of the file's
 * own classes, and files not saved here, are unknown.
 */
export function loadModel(api: KerasApi, args: Value[], kwargs: Kwargs, node: SyntaxNode): Value {
  const filepath = args[0] ?? kwarg(kwargs, 'filepath');
  const saved = filepath?.kind === 'str' ? api.savedModels.get(filepath.value) : undefined;
  if (!saved) return UNKNOWN;
  // `load_model(filepath, custom_objects=None, compile=True, safe_mode=True)`: a legacy file compiles the
  // model again from the loss it keeps, and Keras's short aliases (`'mse'`) do not deserialise.
  const compile = args[2] ?? kwarg(kwargs, 'compile');
  const compiles = compile === undefined ? true : isTruthy(compile);
  const loss = saved.loss;
  if (saved.legacy && compiles === true && loss?.kind === 'str' && H5_RELOAD[loss.value] && !hasSplat(node))
    return api.interp.raise(errorOf('h5LossNotDeserialisable', { name: loss.value }), node);
  const model = rebuiltModel(api, saved.model, node, true, true);
  return model ? { kind: 'model', model } : UNKNOWN;
}

/**
 * A built functional or Sequential model made again from its configs on `node`'s line (`load_model`,
 * `clone_model`): fresh layers of the same names and arguments, less `input_shape=`/`input_dim=`, which
 * no config keeps; undefined where it holds models or layers of the file's own classes. `hinted`: the
 * layers get hints on that line.
 */
export function rebuiltModel(
  api: KerasApi,
  saved: ModelObj,
  node: SyntaxNode,
  hinted = true,
  loaded = false,
): ModelObj | undefined {
  if (saved.broken || !saved.built) return undefined;
  const span = spanOf(node);
  const outputs = saved.functional?.outputs ?? (saved.outputTensor ? [saved.outputTensor] : undefined);
  // A Sequential built from a shape (no `Input`) starts from a tensor no layer made.
  const fromShape = saved.kind === 'Sequential' && !saved.inputTensor;
  const inputs = saved.functional?.inputs ?? (saved.inputTensor ? [saved.inputTensor] : fromShape ? [] : undefined);
  if (!outputs || !inputs || (saved.kind !== 'Functional' && saved.kind !== 'Sequential')) return undefined;
  // The graph's nodes from the inputs to the outputs, each after those it takes.
  const order: GraphNode[] = [];
  const seen = new Set<GraphNode>();
  let plain = true;
  const starts: TensorObj[] = [];
  const visit = (t: TensorObj): void => {
    const n = t.node;
    if (!n) {
      if (fromShape && !starts.includes(t)) starts.push(t);
      else if (!fromShape) plain = false;
      return;
    }
    if (seen.has(n)) return;
    seen.add(n);
    if (n.op.model || n.op.instance || n.op.members || n.op.fn) plain = false;
    if (!n.isInput) n.inputs.forEach(visit);
    order.push(n);
  };
  outputs.forEach(visit);
  if (!plain || starts.length > 1 || inputs.some((t) => !t.node || !seen.has(t.node))) return undefined;
  const layers = new Map<LayerObj, LayerObj>();
  const copyOf = (layer: LayerObj): LayerObj => {
    let copy = layers.get(layer);
    if (!copy) {
      const kwargs = layer.call.kwargs.filter(([k]) => k !== 'input_shape' && k !== 'input_dim');
      copy = { ...layer, id: api.nextId++, span, callSpans: [], call: { ...layer.call, kwargs } };
      delete copy.lastOutputs;
      delete copy.inputArgSpan;
      layers.set(layer, copy);
      // Made on the loading line: its hint is there (a clone's layers have none: the line shows the clone).
      if (hinted) api.layers.push(copy);
    }
    return copy;
  };
  const tensors = new Map<TensorObj, TensorObj>(starts.map((t) => [t, newTensor(t.shape)]));
  for (const n of order) {
    const copy: GraphNode = {
      op: copyOf(n.op),
      inputs: n.inputs.map((i) => tensors.get(i)!),
      outputs: [],
      isInput: n.isInput,
      mark: 0,
      depth: 0,
    };
    copy.outputs = n.outputs.map((o) => {
      const t = newTensor(o.shape, copy, o.index);
      tensors.set(o, t);
      return t;
    });
    copy.op.lastOutputs = copy.outputs;
  }
  const model: ModelObj = {
    ...saved,
    id: api.nextId++,
    span,
    layers: saved.layers.map(copyOf),
    row: undefined,
    compiled: undefined,
  };
  if (saved.functional)
    model.functional = {
      ...saved.functional,
      inputs: saved.functional.inputs.map((t) => tensors.get(t)!),
      outputs: saved.functional.outputs.map((t) => tensors.get(t)!),
      ops: saved.functional.ops.map(copyOf),
    };
  if (saved.inputLayer) model.inputLayer = copyOf(saved.inputLayer);
  if (saved.inputTensor) model.inputTensor = tensors.get(saved.inputTensor);
  if (saved.outputTensor) model.outputTensor = tensors.get(saved.outputTensor);
  // Keras builds a Sequential made again, which makes the Functional inside it: a clone once, a loaded one
  // once per layer its `from_config` adds after the input (each `add` builds it anew).
  if (saved.kind === 'Sequential') {
    const adds = loaded ? saved.layers.filter((l) => l.className !== 'InputLayer').length : 1;
    for (let i = 0; i < adds; i++) api.uniqueName('functional');
  }
  return model;
}

/** `save_weights(filepath, overwrite=True, max_shard_size=None)`: the file name Keras 3 wants. */
export function saveWeights(api: KerasApi, args: Value[], kwargs: Kwargs, node: SyntaxNode): Value {
  if (hasSplat(node)) return UNKNOWN;
  const filepath = args[0] ?? kwarg(kwargs, 'filepath');
  const shard = args[2] ?? kwarg(kwargs, 'max_shard_size');
  if (filepath?.kind !== 'str' || (shard && shard.kind !== 'none')) return UNKNOWN;
  if (!filepath.value.endsWith('.weights.h5'))
    return api.interp.raise(errorOf('saveWeightsFilename', { filepath: filepath.value }), node);
  return NONE_V;
}
