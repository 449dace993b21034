/**
 * `keras.applications` networks: each family's builder (one file per Keras module)
 * constructs the network layer by layer as Keras's own source does, through
 * the shape engine, so shapes, parameter counts (BatchNormalization's moving
 * statistics are non-trainable) and layer names are Keras's for any
 * arguments Keras accepts. The result is a Functional model Keras builds
 * itself: it is not listed among the file's models, and appears as one row
 * (class `Functional`, its name) where the user calls it.
 *
 * An argument the source does not tell gives an unknown model, never a guess.
 */

import type { Shape } from '../../shapes/shape';
import type { PyNode as SyntaxNode } from '../../syntax/ast';
import { functionalOps } from '../graph';
import type { KerasApi } from '../keras/api';
import {
  newLayerRecord,
  newTensor,
  spanOf,
  type GraphNode,
  type LayerObj,
  type ModelObj,
  type Span,
  type TensorObj,
  type Value,
} from '../values';
import { LIMITS } from '../python/limits';
import { AppArgs } from './args';
import { CONVNEXT_FAMILIES } from './convnext';
import { DENSENET_FAMILIES } from './densenet';
import { EFFICIENTNET_FAMILIES } from './efficientnet';
import { EFFICIENTNET_V2_FAMILIES } from './efficientnetV2';
import { INCEPTION_RESNET_FAMILIES } from './inceptionResnetV2';
import { INCEPTION_V3_FAMILIES } from './inceptionV3';
import { MOBILENET_FAMILIES } from './mobilenet';
import { MOBILENET_V3_FAMILIES } from './mobilenetV3';
import { NASNET_FAMILIES } from './nasnet';
import { AppRaise, AppUnknown, Net, NetworkWorkSpent } from './net';
import { RESNET_FAMILIES } from './resnet';
import { VGG_FAMILIES } from './vgg';
import { XCEPTION_FAMILIES } from './xception';

/** What a family's builder returns: the network's own Input (or the given tensor), its output, its name. */
export interface BuiltNetwork {
  img: TensorObj;
  out: TensorObj;
  name: string;
}

export interface Family {
  /** The constructor's parameters in positional order. */
  params: string[];
  build: (net: Net, a: AppArgs) => BuiltNetwork;
}

/** Every network by its `keras.applications` name (their parameters are held to Keras by a test). */
export const FAMILIES: Record<string, Family> = {
  ...XCEPTION_FAMILIES,
  ...VGG_FAMILIES,
  ...RESNET_FAMILIES,
  ...MOBILENET_FAMILIES,
  ...MOBILENET_V3_FAMILIES,
  ...EFFICIENTNET_FAMILIES,
  ...EFFICIENTNET_V2_FAMILIES,
  ...DENSENET_FAMILIES,
  ...INCEPTION_V3_FAMILIES,
  ...CONVNEXT_FAMILIES,
  ...INCEPTION_RESNET_FAMILIES,
  ...NASNET_FAMILIES,
};

/** A call of `keras.applications.X(...)` (or `keras.applications.module.X`). */
export function callApplication(
  api: KerasApi,
  qualname: string,
  args: Value[],
  kwargs: Array<[string, Value]>,
  node: SyntaxNode,
  incomplete: boolean,
): Value {
  const cls = /^keras\.applications\.(?:[a-z_0-9]+\.)?([A-Z][A-Za-z0-9]*)$/.exec(qualname)?.[1] ?? '';
  const family = FAMILIES[cls];
  if (!family || incomplete) return { kind: 'model', model: unknownModel(api, node, cls, kwargs) };
  const span = spanOf(node);
  const budget = api.interp.budget;
  if (budget.networkWork >= LIMITS.networkWork) {
    // Networks built in a loop: past the file's share of work, one is unknown (a model of unknown layers).
    api.interp.stopFollowing('too-much-work', node, LIMITS.networkWork);
    return { kind: 'model', model: unknownModel(api, node, cls, kwargs) };
  }
  try {
    const key = cacheKey(api, cls, args, kwargs);
    if (key === undefined) {
      // With an `input_tensor` the network grows from the file's own graph: built in place, not cached.
      const net = new Net(api, span);
      const a = new AppArgs(family.params, args, kwargs);
      return { kind: 'model', model: assemble(api, net, a, family.build(net, a)) };
    }
    let template = TEMPLATES.get(key);
    if (!template) {
      // Each layer is charged as it is made (`Net.layer`): a build past the file's share stops there.
      template = buildTemplate(api, family, args, kwargs, span);
      if (TEMPLATES.size >= TEMPLATE_LIMIT) TEMPLATES.clear();
      TEMPLATES.set(key, template);
    } else {
      // A network cached by an earlier analysis costs what its build would: the file's answers do not
      // depend on what the server analysed before.
      budget.networkWork += template.created.length * LIMITS.networkBuildCost;
      if (budget.networkWork > LIMITS.networkWork) throw new NetworkWorkSpent();
    }
    return { kind: 'model', model: replay(api, template, span) };
  } catch (e) {
    if (e instanceof NetworkWorkSpent) {
      api.interp.stopFollowing('too-much-work', node, LIMITS.networkWork);
      return { kind: 'model', model: unknownModel(api, node, cls, kwargs) };
    }
    if (e instanceof AppRaise) return api.interp.raise(e.error, node);
    if (e instanceof AppUnknown) return { kind: 'model', model: unknownModel(api, node, cls, kwargs) };
    throw e;
  }
}

// ------------------------------------------------------------------ the cache

/**
 * A network built once per family, arguments and engine options (hundreds of
 * layers: building one costs milliseconds, and the file is analysed again on
 * every keystroke). Each use replays it: fresh layers (the file may freeze
 * them or call them), automatic names drawn from the file's counters in
 * Keras's order, a fresh graph.
 */
interface Template {
  name: string;
  created: Array<{ layer: LayerObj; base?: string }>;
  nodes: GraphNode[];
  inputs: TensorObj[];
  output: TensorObj;
  ops: LayerObj[];
}

const TEMPLATES = new Map<string, Template>();
const TEMPLATE_LIMIT = 64;

/** A key for a call whose arguments are plain data; undefined when one is a tensor or an object (built in place). */
function cacheKey(api: KerasApi, cls: string, args: Value[], kwargs: Array<[string, Value]>): string | undefined {
  const plain = (v: Value): boolean =>
    ['int', 'float', 'str', 'bool', 'none'].includes(v.kind) ||
    ((v.kind === 'tuple' || (v.kind === 'list' && !v.unsure)) && v.items.every(plain));
  if (!args.every(plain) || !kwargs.every(([, v]) => plain(v))) return undefined;
  return JSON.stringify([cls, api.options, args, kwargs]);
}

/** A build whose automatic names are placeholders (the replay draws them). */
function buildTemplate(
  api: KerasApi,
  family: Family,
  args: Value[],
  kwargs: Array<[string, Value]>,
  span: Span,
): Template {
  const net = new Net(api, span, (base) => base);
  const a = new AppArgs(family.params, args, kwargs);
  const built = family.build(net, a);
  const inputs = [built.img];
  return {
    name: built.name,
    created: net.created,
    nodes: net.nodes,
    inputs,
    output: built.out,
    ops: functionalOps(inputs, [built.out]),
  };
}

/** A fresh copy of a template's layers and graph, named as Keras names them now. */
function replay(api: KerasApi, t: Template, span: Span): ModelObj {
  const layers = new Map<LayerObj, LayerObj>();
  for (const { layer, base } of t.created) {
    const copy: LayerObj = {
      ...layer,
      id: api.nextId++,
      span,
      name: base === undefined ? layer.name : api.uniqueName(base),
      callSpans: [],
    };
    delete copy.lastOutputs;
    layers.set(layer, copy);
  }
  const tensors = new Map<TensorObj, TensorObj>();
  for (const n of t.nodes) {
    const node: GraphNode = {
      op: layers.get(n.op)!,
      inputs: n.inputs.map((i) => tensors.get(i)!),
      outputs: [],
      isInput: n.isInput,
      mark: 0,
      depth: 0,
    };
    node.outputs = n.outputs.map((o) => {
      const copy = newTensor(o.shape, node, o.index);
      tensors.set(o, copy);
      return copy;
    });
    node.op.lastOutputs = node.outputs;
  }
  const inputs = t.inputs.map((i) => tensors.get(i)!);
  const ops = t.ops.map((l) => layers.get(l)!);
  return newFunctional(api, t.name, span, inputs, tensors.get(t.output)!, ops);
}

// -------------------------------------------------------------- the model

/** `Functional(inputs, x, name=name)` for a network built in place. */
function assemble(api: KerasApi, net: Net, a: AppArgs, built: BuiltNetwork): ModelObj {
  const inputs = sourceInputsOf(a, built.img);
  return newFunctional(api, built.name, net.span, inputs, built.out, functionalOps(inputs, [built.out]));
}

/** The model, and the row standing for it, made now so that its name draws no counter. */
function newFunctional(
  api: KerasApi,
  name: string,
  span: Span,
  inputs: TensorObj[],
  output: TensorObj,
  ops: LayerObj[],
): ModelObj {
  const model: ModelObj = {
    id: api.nextId++,
    kind: 'Functional',
    name,
    span,
    layers: ops,
    inputShape: inputs[0]?.shape ?? null,
    functional: { inputs, outputs: [output], ops },
    built: true,
    outputShapes: [calledShape(output.shape!)],
  };
  api.layers.push(modelRow(api, model));
  return model;
}

/**
 * The output shape a call of the network gives, as far as it can be told
 * from the network alone. An axis the network leaves open (`None`: no
 * `input_shape`) is the size the call's input gives it: Keras computes it
 * then, but a call of a model here only takes its batch axis from the input,
 * so the axis is "not known" rather than a wrong `None`.
 */
function calledShape(shape: Shape): Shape {
  return shape.map((d, i) => (i > 0 && d === null ? '?' : d));
}

function sourceInputsOf(a: AppArgs, img: TensorObj): TensorObj[] {
  const t = a.inputTensor;
  if (!t) return [img];
  // `operation_utils.get_source_inputs`: the Inputs the given tensor comes from.
  const out: TensorObj[] = [];
  const seen = new Set<object>();
  const visit = (x: TensorObj): void => {
    const node = x.node;
    if (!node) return;
    if (node.isInput) {
      for (const o of node.outputs) if (!out.includes(o)) out.push(o);
      return;
    }
    if (seen.has(node)) return;
    seen.add(node);
    for (const i of node.inputs) visit(i);
  };
  visit(t);
  return out;
}

/**
 * The record of the network used as a layer (what `KerasApi.modelAsLayer`
 * finds). It is one of the file's layers: calling the network on the user's
 * line gives that line its hint, as any layer call does.
 */
function modelRow(api: KerasApi, model: ModelObj): LayerObj {
  return (model.row = newLayerRecord({
    id: api.nextId++,
    className: model.kind,
    name: model.name,
    call: { className: model.kind, args: [], kwargs: [] },
    constructed: { status: 'unknown', reason: 'model' },
    span: model.span,
    model,
  }));
}

/** A network not modelled, or whose arguments are not known: a Functional of unknown shapes. */
function unknownModel(api: KerasApi, node: SyntaxNode, cls: string, kwargs: Array<[string, Value]>): ModelObj {
  const nameArg = kwargs.find(([k]) => k === 'name')?.[1];
  const model: ModelObj = {
    id: api.nextId++,
    kind: 'Functional',
    name: nameArg?.kind === 'str' ? nameArg.value : cls.toLowerCase() || 'functional',
    span: spanOf(node),
    layers: [],
    inputShape: null,
    // Keras builds the network when it makes it: its parameters are not zero but not known.
    built: true,
    broken: true,
    outputShapes: null,
  };
  api.layers.push(modelRow(api, model));
  return model;
}
