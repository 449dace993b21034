/**
 * Where the model view draws each thing: the tensors are boxes (their shape
 * on one line, each dimension centred over its axis name on the next), the
 * layers are labels on the arrows between them. A layer is a node of the
 * layered graph (dagre) between the tensors it takes and those it gives, so
 * a merge is several arrows meeting at one label and a branch is several
 * leaving one box. No DOM here: text widths come from the caller (the
 * webview measures them in its own fonts), so it also runs in the tests.
 */

// dagre is an ES module; the webview bundle imports it and passes it in (the tests require its CommonJS build).
import type * as Dagre from '@dagrejs/dagre' with { 'resolution-mode': 'import' };
import type { DiagramLayer, DiagramTensor, ModelDiagram } from './protocol';

/** The kinds of text the view draws, each with its own font (see style.css). */
export type TextKind = 'dim' | 'axis' | 'tag' | 'layerClass' | 'layerName' | 'params';
export type Measure = (text: string, kind: TextKind) => number;

/** Line heights and paddings, in CSS pixels at zoom 1. */
export const METRICS = {
  dimLine: 18,
  axisLine: 15,
  tagLine: 14,
  labelLine: 16,
  padX: 10,
  padY: 6,
  columnGap: 10,
  labelPadX: 10,
  labelPadY: 5,
};

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface TensorColumn {
  /** Left of the dimension's text (with its bracket or comma) and centre of the axis name, from the box's left. */
  dimX: number;
  axisX: number;
  /** The dimension with what surrounds it in Keras's text: `(None, ` ... `12)`. */
  dimText: string;
  axis: string;
}

export interface TensorPlace extends Box {
  tensor: DiagramTensor;
  tag?: string;
  columns: TensorColumn[];
}

export interface LayerPlace extends Box {
  layer: DiagramLayer;
  title: string;
  name: string;
  params?: string;
}

export interface Arrow {
  points: Array<{ x: number; y: number }>;
  /** Into a tensor (drawn with a head), or into a layer. */
  intoTensor: boolean;
  layer: number;
  tensor: number;
}

export interface Layout {
  width: number;
  height: number;
  tensors: TensorPlace[];
  layers: LayerPlace[];
  arrows: Arrow[];
}

const fmt = (n: number) => n.toLocaleString('en-US');

/** The parameter count as the label shows it: nothing for none. */
export function paramsText(params: number | null): string | undefined {
  if (params === null) return '? params';
  if (params === 0) return undefined;
  return params === 1 ? '1 param' : `${fmt(params)} params`;
}

/**
 * The pieces of `(None, 15, 15, 12)`: each dimension with the bracket before it and the comma or bracket
 * after it, so that the pieces join to Keras's text (`(5,)` for one axis, `?` for a shape not known).
 */
export function dimPieces(dims: string[]): Array<{ before: string; dim: string; after: string }> {
  if (dims.length === 0) return [{ before: '', dim: '?', after: '' }];
  return dims.map((dim, i) => ({
    before: i === 0 ? '(' : '',
    dim,
    after: dims.length === 1 ? ',)' : i === dims.length - 1 ? ')' : ', ',
  }));
}

function tensorTag(t: DiagramTensor, outputs: number): string | undefined {
  const parts: string[] = [];
  if (t.input !== undefined) parts.push(t.input ? `input · ${t.input}` : 'input');
  if (t.output !== undefined) parts.push(outputs > 1 ? `output ${t.output}` : 'output');
  return parts.length ? parts.join(' · ') : undefined;
}

function placeTensor(t: DiagramTensor, measure: Measure, outputs: number): TensorPlace {
  const m = METRICS;
  const axes = t.dims.length === 0 ? ['shape not known'] : t.axes;
  // Each dimension's digits are centred over its axis name; a column is as wide as either needs.
  const columns: TensorColumn[] = [];
  let left = m.padX;
  dimPieces(t.dims).forEach((p, i) => {
    const axis = axes[i] ?? '';
    const lead = measure(p.before, 'dim');
    const core = measure(p.dim, 'dim');
    const trail = measure(p.after, 'dim');
    const half = measure(axis, 'axis') / 2;
    const center = left + Math.max(lead + core / 2, half);
    columns.push({ dimX: center - core / 2 - lead, axisX: center, dimText: p.before + p.dim + p.after, axis });
    left = center + Math.max(core / 2 + trail, half) + m.columnGap;
  });
  const right = left - m.columnGap + m.padX;
  const tag = tensorTag(t, outputs);
  const width = Math.max(right, tag ? measure(tag, 'tag') + 2 * m.padX : 0);
  const height = 2 * m.padY + (tag ? m.tagLine : 0) + m.dimLine + m.axisLine;
  return { tensor: t, tag, columns, x: 0, y: 0, width, height };
}

/** One line: `Conv2D conv2d · 2,172 params`. */
function placeLayer(l: DiagramLayer, measure: Measure): LayerPlace {
  const m = METRICS;
  const params = paramsText(l.params);
  const width =
    measure(l.className, 'layerClass') +
    measure(` ${l.name}`, 'layerName') +
    (params ? measure(` · ${params}`, 'params') : 0) +
    2 * m.labelPadX;
  return {
    layer: l,
    title: l.className,
    name: ` ${l.name}`,
    params: params && ` · ${params}`,
    x: 0,
    y: 0,
    width,
    height: 2 * m.labelPadY + m.labelLine,
  };
}

/** Lays out a model's diagram top to bottom, inputs first. */
export function layoutDiagram(d: ModelDiagram, measure: Measure, dagre: typeof Dagre): Layout {
  const g = new dagre.graphlib.Graph({ multigraph: true });
  g.setGraph({ rankdir: 'TB', nodesep: 28, ranksep: 14, edgesep: 14, marginx: 16, marginy: 16 });
  g.setDefaultEdgeLabel(() => ({}));
  const outputs = d.tensors.filter((t) => t.output !== undefined).length;
  const tensors = d.tensors.map((t) => placeTensor(t, measure, outputs));
  const layers = d.layers.map((l) => placeLayer(l, measure));
  for (const t of tensors) g.setNode(`t${t.tensor.id}`, { width: t.width, height: t.height });
  for (const l of layers) g.setNode(`l${l.layer.id}`, { width: l.width, height: l.height });
  for (const l of d.layers) {
    // A tensor passed twice to one call (x * x) is one arrow.
    for (const i of new Set(l.inputs)) g.setEdge(`t${i}`, `l${l.id}`, { weight: 1 }, `in${l.id}-${i}`);
    // The arrow out of a layer is short: keep its output right under it.
    for (const o of new Set(l.outputs)) g.setEdge(`l${l.id}`, `t${o}`, { weight: 4 }, `out${l.id}-${o}`);
  }
  dagre.layout(g);
  const place = (p: Box, id: string) => {
    const n = g.node(id);
    p.x = n.x! - p.width / 2;
    p.y = n.y! - p.height / 2;
  };
  tensors.forEach((t) => place(t, `t${t.tensor.id}`));
  layers.forEach((l) => place(l, `l${l.layer.id}`));
  const arrows: Arrow[] = g.edges().map((e: { v: string; w: string }) => {
    const points = (g.edge(e).points ?? []).map((p: { x: number; y: number }) => ({ x: p.x, y: p.y }));
    const intoTensor = e.w.startsWith('t');
    return {
      points,
      intoTensor,
      layer: Number((intoTensor ? e.v : e.w).slice(1)),
      tensor: Number((intoTensor ? e.w : e.v).slice(1)),
    };
  });
  const size = g.graph();
  return { width: size.width ?? 0, height: size.height ?? 0, tensors, layers, arrows };
}
