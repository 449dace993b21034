/**
 * The records of what builds a model, shared by every wing: graph nodes
 * (one call of a layer on tensors), symbolic tensors, layers with their call
 * sites, and models. Each kind is made with every field present, in one order
 * (`newTensor`, `newLayerRecord`), so that V8 gives all records of a kind one
 * hidden class. Objects have identity: a layer called twice, or a model
 * mutated by `add`, is one JS object. `values.ts` exports them with the values.
 */

import type { Constructed } from '../shapes/engine';
import type { Shape } from '../shapes/shape';
import type { LayerCall } from '../shapes/values';
import type { InstanceObj, Span, Value } from './values';

/** A tensor record with all its fields, in one order (one hidden class for every tensor). */
export function newTensor(shape: Shape | null, node?: GraphNode, index = 0): TensorObj {
  return { shape, node, index, mask: undefined };
}

/** One call of a layer on tensors: a node of the functional graph. */
export interface GraphNode {
  op: LayerObj;
  inputs: TensorObj[];
  outputs: TensorObj[];
  /** Set for the node an `Input(...)` creates. */
  isInput: boolean;
  /** Scratch for graph walks (graph.ts): the walk that last saw this node, and its depth there. */
  mark: number;
  depth: number;
}

export interface TensorObj {
  shape: Shape | null;
  /** The node that produced it; undefined for tensors of unknown origin. */
  node?: GraphNode;
  /** Index among the node's outputs. */
  index: number;
  /** The Keras mask it carries (from `Embedding(mask_zero=True)` or `Masking`). */
  mask?: TensorObj;
  /** The name Keras drew for it (`keras_tensor_5`), where the file's tensors are counted (`KerasApi.nameTensors`). */
  kerasName?: string;
}

/** One execution of a call of a layer in the source: where, on what, giving what. */
export interface CallSite {
  span: Span;
  outputs: Shape[] | null;
  single: boolean;
  inputs: Shape[];
  /** Order of execution over the whole file (later calls on the same line win the hint). */
  seq?: number;
}

export interface LayerObj {
  id: number;
  className: string;
  /** Keras's auto name (`conv2d_1`) or the `name=` given. */
  name: string;
  call: LayerCall;
  constructed: Constructed;
  /** Where the layer object was constructed (the truth's `line`). */
  span: Span;
  /** Output shapes of the latest call (what `summary()` prints), null while never built. */
  outputShapes: Shape[] | null;
  /** Input shapes of the first call (what its weights were built for). */
  inputShapes: Shape[] | null;
  single: boolean;
  params: { total: number | null; trainable: number | null; nonTrainable: number | null } | null;
  weights: Array<{ name: string; shape: Shape; trainable: boolean }>;
  /** Set once a call of it was analysed (a layer never called has no weights: 0 parameters). */
  called?: boolean;
  /** Every call site, for hints on `layer(x)` lines. */
  callSpans: CallSite[];
  /** A model used as a layer. */
  model?: ModelObj;
  /** Not a layer but a recorded op (`x * 2` -> Multiply, `x[:, 0]` -> GetItem). */
  isOp?: boolean;
  /** InputLayer: the shape it declares. */
  inputShape?: Shape;
  /** A layer whose `trainable` was set False after construction. */
  frozen?: boolean;
  /** A Sequential recorded as one row (inside a `keras.applications` network): its layers, for replaying it on other shapes. */
  members?: LayerObj[];
  /** Its name was given in the source (`name="fc"`), not drawn by Keras. */
  namedInSource?: boolean;
  /** Set when `trainable` was assigned on a path not sure to run, or an unknown value. */
  trainableUnknown?: boolean;
  /** The tensors its latest call returned (`layer.output`). */
  lastOutputs?: TensorObj[];
  /** The instance of a user's layer subclass this record stands for (its `call` runs when it is called). */
  instance?: InstanceObj;
  /** Where `input_shape=`/`input_dim=` were written, when they were (for diagnostics about them). */
  inputArgSpan?: Span;
  /** A first dimension of `shape=`/`input_shape=` written as a batch size (`BATCH_SIZE`): where. */
  batchNamedDim?: Span;
  /** `Lambda(fn)`: the function its calls run. */
  fn?: Value;
  /** Its class builds the object in `__init__` (`InputLayer`, a class keeping `Layer.build`'s default). */
  builtAtInit: boolean;
  /** Scratch for graph walks (graph.ts): the walk that last saw this layer, its order and depth there. */
  walk: number;
  walkIndex: number;
  walkDepth: number;
}

/** `layer.built`: built by its constructor, or by a call. */
export function layerBuilt(layer: LayerObj): boolean {
  return layer.builtAtInit || layer.callSpans.length > 0 || layer.params !== null;
}

/**
 * A layer record with every field present from the start, in one order: V8
 * then gives all layer records one hidden class, and the code that reads
 * them on every call stays monomorphic.
 */
export function newLayerRecord(
  r: Pick<LayerObj, 'id' | 'className' | 'name' | 'call' | 'constructed' | 'span'> &
    Partial<Pick<LayerObj, 'params' | 'isOp' | 'model' | 'builtAtInit'>>,
): LayerObj {
  return {
    id: r.id,
    className: r.className,
    name: r.name,
    call: r.call,
    constructed: r.constructed,
    span: r.span,
    outputShapes: null,
    inputShapes: null,
    single: true,
    params: r.params ?? null,
    weights: [],
    called: undefined,
    callSpans: [],
    model: r.model,
    isOp: r.isOp,
    inputShape: undefined,
    frozen: undefined,
    trainableUnknown: undefined,
    namedInSource: undefined,
    lastOutputs: undefined,
    instance: undefined,
    inputArgSpan: undefined,
    batchNamedDim: undefined,
    fn: undefined,
    builtAtInit: r.builtAtInit ?? false,
    walk: 0,
    walkIndex: 0,
    walkDepth: 0,
  };
}

export interface ModelObj {
  id: number;
  kind: string;
  name: string;
  span: Span;
  /** Sequential: its layers; subclassed: the tracked layers; functional: computed rows. */
  layers: LayerObj[];
  /** Sequential: batch input shape once known. */
  inputShape: Shape | null;
  functional?: { inputs: TensorObj[]; outputs: TensorObj[]; ops: LayerObj[]; outputKeys?: string[] };
  /** Subclassed models: the instance that holds `call`. */
  instance?: InstanceObj;
  built: boolean;
  /** The record that stands for this model as a layer of another (modelAsLayer). */
  row?: LayerObj;
  /** The InputLayer a Sequential uses (not listed by summary). */
  inputLayer?: LayerObj;
  /**
   * A Sequential's InputLayer that Keras made itself (from `input_shape=` on its first layer, or a build
   * from a shape): its automatic name. With `inputLayer`, Keras's stack starts with an InputLayer.
   */
  inputLayerName?: string;
  /** The Keras name of the tensor of the InputLayer its build puts first (`input_shape=`). */
  inputTensorName?: string;
  /** A Sequential's graph: the tensor of its `keras.Input` and the output of its last layer. */
  inputTensor?: TensorObj;
  outputTensor?: TensorObj;
  /** The output shapes of the whole model, once built. */
  outputShapes: Shape[] | null;
  /** Set when a model of the file failed to build (rows stay as Keras had them). */
  broken?: boolean;
  /** `built`: a training call has built the compiled metrics and loss (Keras's `_symbolic_build` ran). */
  compiled?: { loss?: Value; metrics?: Value; spanOfCompile: Span; built?: boolean };
}
