/**
 * A model's tensor flow as plain data, for drawing: the tensors are the
 * nodes (each with its shape and its axes named), the layer calls are the
 * edges (from the tensors a call takes to those it gives, with the layer's
 * `summary()` row). A functional model is drawn from its graph as it is:
 * branches, merges, skip connections, several inputs or outputs, a layer
 * called twice (two edges, one row). A Sequential is the chain of its layers.
 * A subclassed model's `call` is Python code, not a graph Keras records: it
 * gets its table and no drawing.
 *
 * Also which model a cursor is on, when a file builds several.
 */

import { formatDim, formatShape, type Shape } from '../shapes/shape';
import type { LayerObj, ModelObj, SummaryModel, SummaryRow } from '../interpret';
import { axisNames } from './axes';
import { kerasErrorMessage } from './diagnostics';
import type { Analysis } from './index';

type TensorObj = NonNullable<ModelObj['functional']>['inputs'][number];
type GraphNode = NonNullable<TensorObj['node']>;

export interface DiagramTensor {
  id: number;
  /** As Keras prints it, `(None, 15, 15, 12)`; `?` where the shape is not known. */
  text: string;
  /** Each dimension as Keras prints it (empty when the shape is not known). */
  dims: string[];
  /** A name for each axis (`batch`, `rows`, `cols`, `channels`, ...), '' where none fits. */
  axes: string[];
  /** Set on a model input: the name of its InputLayer ('' for a Sequential's input without one). */
  input?: string;
  /** A model input's InputLayer row in the summary (a Sequential lists none). */
  row?: number;
  /** Set on a model output: its position among the outputs. */
  output?: number;
}

export interface DiagramLayer {
  id: number;
  /** Its row in the model's summary (a layer called twice has one row and two edges); null if it has none. */
  row: number | null;
  className: string;
  name: string;
  /** As `summary()` counts them; null where not known. */
  params: number | null;
  /** 1-based line of the call that constructed the layer (the row's line). */
  line: number;
  /** Tensor ids, in the order of the call's arguments and of its results (every result, used or not). */
  inputs: number[];
  outputs: number[];
}

export interface ModelDiagram {
  summary: SummaryModel;
  /** 1-based lines the model spans in the source: its creation and the construction of its layers. */
  firstLine: number;
  lastLine: number;
  tensors: DiagramTensor[];
  layers: DiagramLayer[];
  /** Why no flow is drawn (a subclassed model, a graph that is not known); unset when it is. */
  undrawn?: string;
}

export interface ModelRef {
  name: string;
  kind: string;
  line: number;
  firstLine: number;
  lastLine: number;
}

export interface FileDiagram {
  /** Every model the file builds, in build order (as `summary` lists them). */
  models: ModelRef[];
  /** Index into `models` of the model drawn, or null when the file builds none. */
  selected: number | null;
  diagram: ModelDiagram | null;
  /** Where the file stops with a Keras error (1-based line), as `summary --json` gives it. */
  error: { line: number; type: string; message: string } | null;
}

/** The file's models, and the diagram of the one the cursor (0-based `line`) is on. */
export function fileDiagram(a: Analysis, line: number, defaultFormat = 'channels_last'): FileDiagram {
  const { summary, models, error } = a.interpretation;
  const refs = summary.map((m, i) => modelRef(m, models[i]));
  const selected = modelAtLine(refs, line + 1);
  return {
    models: refs,
    selected,
    diagram:
      selected === null ? null : buildDiagram(summary[selected], models[selected], refs[selected], defaultFormat),
    error: error
      ? { line: error.span.startLine + 1, type: error.pyType, message: kerasErrorMessage(error, 'en') }
      : null,
  };
}

/** The diagram of the `index`th model of the file (summary order). */
export function modelDiagram(a: Analysis, index: number, defaultFormat = 'channels_last'): ModelDiagram | undefined {
  const { summary, models } = a.interpretation;
  if (!summary[index]) return undefined;
  return buildDiagram(summary[index], models[index], modelRef(summary[index], models[index]), defaultFormat);
}

/**
 * The model a 1-based line belongs to: among those whose lines contain it, the one of the
 * fewest lines (the later one on a tie); else the last one that ends above it; else the first.
 */
export function modelAtLine(models: ModelRef[], line: number): number | null {
  if (models.length === 0) return null;
  let best = -1;
  for (let i = 0; i < models.length; i++) {
    const m = models[i];
    if (m.firstLine > line || m.lastLine < line) continue;
    if (best < 0 || m.lastLine - m.firstLine <= models[best].lastLine - models[best].firstLine) best = i;
  }
  if (best >= 0) return best;
  for (let i = 0; i < models.length; i++) {
    if (models[i].lastLine < line && (best < 0 || models[i].lastLine >= models[best].lastLine)) best = i;
  }
  if (best >= 0) return best;
  for (let i = 0; i < models.length; i++) if (best < 0 || models[i].firstLine < models[best].firstLine) best = i;
  return best;
}

function modelRef(summary: SummaryModel, model: ModelObj | undefined): ModelRef {
  let first = summary.line;
  let last = summary.line;
  if (model) {
    first = Math.min(first, model.span.startLine + 1);
    last = Math.max(last, model.span.endLine + 1);
  }
  for (const row of summary.layers) {
    first = Math.min(first, row.line);
    last = Math.max(last, row.line);
  }
  // A model that never ran Keras's `__init__` has no name: its class stands for it.
  return {
    name: summary.name ?? summary.kind,
    kind: summary.kind,
    line: summary.line,
    firstLine: first,
    lastLine: last,
  };
}

/** Builds the nodes and edges of one model. */
class DiagramBuilder {
  readonly tensors: DiagramTensor[] = [];
  readonly layers: DiagramLayer[] = [];
  /** The summary row of each layer object: by position in `model.layers` when the row there is that layer's. */
  private readonly rowOf = new Map<LayerObj, number>();

  constructor(
    private readonly summary: SummaryModel,
    layers: LayerObj[],
    private readonly defaultFormat: string,
  ) {
    const rows = summary.layers;
    for (let i = 0; i < layers.length; i++) {
      const layer = layers[i];
      const at =
        rows[i] && sameLayer(rows[i], layer) ? i : rows.findIndex((r) => sameLayer(r, layer) && !this.rowTaken(r));
      if (at >= 0) this.rowOf.set(layer, at);
    }
  }

  private rowTaken(row: SummaryRow): boolean {
    for (const i of this.rowOf.values()) if (this.summary.layers[i] === row) return true;
    return false;
  }

  tensor(shape: Shape | null, axes: string[]): DiagramTensor {
    const t: DiagramTensor = {
      id: this.tensors.length,
      text: shape ? formatShape(shape) : '?',
      dims: shape ? shape.map(formatDim) : [],
      axes: shape ? axes : [],
    };
    this.tensors.push(t);
    return t;
  }

  layer(op: LayerObj | undefined, row: number | null, inputs: number[], outputs: number[]): DiagramLayer {
    const r = row === null ? undefined : this.summary.layers[row];
    const l: DiagramLayer = {
      id: this.layers.length,
      row,
      className: r?.class ?? op?.className ?? '?',
      name: r?.name ?? op?.name ?? '?',
      params: r ? r.params : null,
      line: r?.line ?? (op ? op.span.startLine + 1 : this.summary.line),
      inputs,
      outputs,
    };
    this.layers.push(l);
    return l;
  }

  row(op: LayerObj): number | null {
    return this.rowOf.get(op) ?? null;
  }

  /** Axis names of a tensor `producer` gives, or that `consumer` takes, whichever names them better. */
  axes(rank: number, producer: LayerObj | undefined, consumers: LayerObj[]): string[] {
    const own = producer ? axisNames(producer, rank, this.defaultFormat, 'output') : undefined;
    if (own && !generic(own)) return own;
    for (const c of consumers) {
      const theirs = axisNames(c, rank, this.defaultFormat, 'input');
      if (!generic(theirs)) return theirs;
    }
    return own ?? (consumers[0] ? axisNames(consumers[0], rank, this.defaultFormat, 'input') : genericNames(rank));
  }
}

function sameLayer(row: SummaryRow, layer: LayerObj): boolean {
  return row.name === layer.name && row.class === layer.className;
}

/** What `axisNames` says of a layer it knows nothing particular about. */
function genericNames(rank: number): string[] {
  return Array.from({ length: rank }, (_, i) => (i === 0 ? 'batch' : i === rank - 1 ? 'features' : `axis ${i}`));
}

function generic(names: string[]): boolean {
  const plain = genericNames(names.length);
  return names.every((n, i) => n === plain[i] || n === '');
}

function buildDiagram(
  summary: SummaryModel,
  model: ModelObj | undefined,
  ref: ModelRef,
  defaultFormat: string,
): ModelDiagram {
  const base = { summary, firstLine: ref.firstLine, lastLine: ref.lastLine };
  if (!model) return { ...base, tensors: [], layers: [], undrawn: 'the model is not known' };
  if (model.functional) return { ...base, ...functionalFlow(summary, model, model.functional, defaultFormat) };
  if (model.kind === 'Sequential') return { ...base, ...sequentialFlow(summary, model, defaultFormat) };
  return {
    ...base,
    tensors: [],
    layers: [],
    undrawn:
      model.kind === 'Functional'
        ? 'its graph is not known'
        : `a subclassed model: its call() is Python code, not a graph of layers; the table lists the layers it tracks`,
  };
}

/** A Sequential: its input, then each layer's output, in a chain. */
function sequentialFlow(
  summary: SummaryModel,
  model: ModelObj,
  defaultFormat: string,
): Pick<ModelDiagram, 'tensors' | 'layers'> {
  const b = new DiagramBuilder(summary, model.layers, defaultFormat);
  const layerOfRow = (i: number): LayerObj | undefined =>
    model.layers[i] && summary.layers[i] && sameLayer(summary.layers[i], model.layers[i]) ? model.layers[i] : undefined;
  const input = model.inputShape;
  const first = layerOfRow(0);
  const start = b.tensor(input, input ? b.axes(input.length, undefined, first ? [first] : []) : []);
  start.input = model.inputLayer?.name ?? '';
  let previous = [start.id];
  for (let i = 0; i < summary.layers.length; i++) {
    const row = summary.layers[i];
    const op = layerOfRow(i);
    const next = layerOfRow(i + 1);
    const shapes: Array<Shape | null> =
      row.output_shape === null
        ? [null]
        : Array.isArray(row.output_shape[0])
          ? (row.output_shape as Shape[])
          : [row.output_shape as Shape];
    const outs = shapes.map((s) => b.tensor(s, s ? b.axes(s.length, op, next ? [next] : []) : []).id);
    b.layer(op, i, previous, outs);
    previous = outs;
  }
  if (summary.layers.length > 0) previous.forEach((id, k) => (b.tensors[id].output = k));
  return { tensors: b.tensors, layers: b.layers };
}

/** A functional model: its graph, walked from the outputs back to the inputs. */
function functionalFlow(
  summary: SummaryModel,
  model: ModelObj,
  graph: NonNullable<ModelObj['functional']>,
  defaultFormat: string,
): Pick<ModelDiagram, 'tensors' | 'layers'> {
  const b = new DiagramBuilder(summary, model.layers, defaultFormat);
  const isInput = (t: TensorObj) => graph.inputs.includes(t) || !!t.node?.isInput;
  const producer = (t: TensorObj): GraphNode | undefined => (t.node && !isInput(t) ? t.node : undefined);

  // The tensors and calls between the inputs and the outputs, inputs first (an iterative
  // post-order walk: graphs of keras.applications networks are hundreds of calls deep).
  const seenTensors = new Set<TensorObj>();
  const seenNodes = new Set<GraphNode>();
  const order = new Set<GraphNode>();
  const tensorsInOrder: TensorObj[] = [];
  const consumers = new Map<TensorObj, LayerObj[]>();
  const stack: Array<{ t: TensorObj; expanded: boolean }> = [];
  const roots = [...graph.inputs, ...graph.outputs];
  for (let r = roots.length - 1; r >= 0; r--) stack.push({ t: roots[r], expanded: false });
  while (stack.length > 0) {
    const top = stack[stack.length - 1];
    const node = producer(top.t);
    if (!top.expanded) {
      top.expanded = true;
      if (seenTensors.has(top.t)) {
        stack.pop();
        continue;
      }
      seenTensors.add(top.t);
      if (node && !seenNodes.has(node)) {
        seenNodes.add(node);
        for (let i = node.inputs.length - 1; i >= 0; i--) stack.push({ t: node.inputs[i], expanded: false });
        for (const i of node.inputs) consumers.set(i, [...(consumers.get(i) ?? []), node.op]);
      }
      continue;
    }
    stack.pop();
    if (node) order.add(node);
    tensorsInOrder.push(top.t);
  }

  const ids = new Map<TensorObj, number>();
  const tensorId = (t: TensorObj): number => {
    let id = ids.get(t);
    if (id === undefined) {
      const node = producer(t);
      const made = b.tensor(t.shape, t.shape ? b.axes(t.shape.length, node?.op, consumers.get(t) ?? []) : []);
      id = made.id;
      ids.set(t, id);
    }
    return id;
  };
  for (const t of tensorsInOrder) tensorId(t);
  for (const t of tensorsInOrder) {
    if (!isInput(t)) continue;
    const d = b.tensors[tensorId(t)];
    d.input = t.node?.op.name ?? 'input';
    const row = t.node?.isInput ? b.row(t.node.op) : null;
    if (row !== null) d.row = row;
  }
  graph.outputs.forEach((t, k) => {
    const d = b.tensors[tensorId(t)];
    if (d.output === undefined) d.output = k;
  });
  for (const node of order) {
    b.layer(node.op, b.row(node.op), node.inputs.map(tensorId), node.outputs.map(tensorId));
  }
  return { tensors: b.tensors, layers: b.layers };
}
