/**
 * The model view's page: the diagram of the model at the editor's cursor
 * (tensors as boxes, layers as labels on the arrows) above its
 * `model.summary()` table. It draws what the extension posts, measures its
 * text in the editor's own fonts, lays out with dagre, and keeps its zoom
 * and scroll across updates (and in the webview state, for when the panel is
 * shown again). Clicking a box, a layer or a row moves the editor to its line.
 * Everything is made with DOM calls, never from HTML strings, and styled by
 * the theme's `--vscode-*` colours.
 */

import * as dagre from '@dagrejs/dagre';
import { layoutDiagram, METRICS, type Layout, type Measure, type TextKind } from './layout';
import type { DiagramResult, FromWebview, ModelDiagram, ToWebview } from './protocol';
import './style.css';

interface VsCodeApi {
  postMessage(message: FromWebview): void;
  getState(): ViewState | undefined;
  setState(state: ViewState): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

interface ViewState {
  zoom: number;
  /** The model the scroll position belongs to. */
  model?: string;
  scrollLeft: number;
  scrollTop: number;
}

/** Beyond this many layers the layout takes seconds and the drawing is too tall to read. */
const MAX_DRAWN_LAYERS = 500;
const ZOOMS = [0.5, 0.625, 0.75, 0.875, 1, 1.25, 1.5];
const SVG = 'http://www.w3.org/2000/svg';

const vscode = acquireVsCodeApi();
let state: ViewState = { zoom: 1, scrollLeft: 0, scrollTop: 0, ...vscode.getState() };
let current: { file: string; result: DiagramResult; cursorLine: number } | undefined;
let drawn: { svg: SVGSVGElement; layout: Layout } | undefined;

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: { class?: string; text?: string; title?: string } = {},
  ...children: Node[]
): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (props.class) e.className = props.class;
  if (props.text !== undefined) e.textContent = props.text;
  if (props.title) e.title = props.title;
  e.append(...children);
  return e;
}

function svg<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | number> = {},
  text?: string,
): SVGElementTagNameMap[K] {
  const e = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  if (text !== undefined) e.textContent = text;
  return e;
}

function reveal(line: number): void {
  vscode.postMessage({ type: 'reveal', line });
}

/** Clicking or pressing Enter on `e` moves the editor to `line`. */
function revealsLine(e: Element, line: number): void {
  e.setAttribute('tabindex', '0');
  e.addEventListener('click', () => reveal(line));
  e.addEventListener('keydown', (ev) => {
    const key = (ev as KeyboardEvent).key;
    if (key === 'Enter' || key === ' ') {
      ev.preventDefault();
      reveal(line);
    }
  });
}

/** Text widths in the fonts style.css gives each kind of text, measured once per string. */
function measurer(host: SVGSVGElement): Measure {
  const probe = svg('text', { x: -1000, y: -1000 });
  host.append(probe);
  const cache = new Map<string, number>();
  return (text: string, kind: TextKind) => {
    if (text === '') return 0;
    const key = `${kind}\u0000${text}`;
    let w = cache.get(key);
    if (w === undefined) {
      probe.setAttribute('class', kind);
      // Spaces count: SVG would otherwise collapse a leading or trailing one.
      probe.textContent = text.replace(/ /g, '\u00a0');
      w = probe.getComputedTextLength();
      cache.set(key, w);
    }
    return w;
  };
}

const fmt = (n: number | null) => (n === null ? '?' : n.toLocaleString('en-US'));

function header(file: string, result: DiagramResult): HTMLElement {
  const models = el('nav', { class: 'models' });
  result.models.forEach((m, i) => {
    const b = el('button', {
      class: i === result.selected ? 'model selected' : 'model',
      title: `Go to line ${m.line + 1}`,
    });
    b.append(el('span', { class: 'model-name', text: m.name }), el('span', { class: 'model-kind', text: m.kind }));
    b.addEventListener('click', () => reveal(m.line));
    models.append(b);
  });
  const head = el('header', {}, el('span', { class: 'file', text: file }), models);
  return head;
}

function errorBanner(error: NonNullable<DiagramResult['error']>): HTMLElement {
  const b = el(
    'div',
    { class: 'error' },
    el('strong', { text: `${error.type} on line ${error.line + 1}` }),
    document.createTextNode(`: ${error.message} Keras stops there; the models below are those built before it.`),
  );
  revealsLine(b, error.line);
  return b;
}

function toolbar(d: ModelDiagram): HTMLElement {
  const t = d.totals;
  const bar = el(
    'div',
    { class: 'toolbar' },
    el('span', { class: 'title', text: d.name }),
    el('span', { class: 'kind', text: `${d.kind} · line ${d.line + 1}` }),
    el('span', {
      class: 'totals',
      text: `${fmt(t.total)} params (${fmt(t.trainable)} trainable, ${fmt(t.nonTrainable)} non-trainable)`,
    }),
  );
  const zoom = el('span', { class: 'zoom' });
  const label = el('span', { class: 'zoom-level', text: `${Math.round(state.zoom * 100)}%` });
  const step = (dir: number) => {
    const i = ZOOMS.indexOf(state.zoom);
    const next = ZOOMS[Math.min(ZOOMS.length - 1, Math.max(0, (i < 0 ? ZOOMS.indexOf(1) : i) + dir))];
    setZoom(next);
    label.textContent = `${Math.round(next * 100)}%`;
  };
  const out = el('button', { text: '−', title: 'Zoom out' });
  const inn = el('button', { text: '+', title: 'Zoom in' });
  out.addEventListener('click', () => step(-1));
  inn.addEventListener('click', () => step(1));
  zoom.append(out, label, inn);
  bar.append(zoom);
  return bar;
}

function setZoom(zoom: number): void {
  const scroller = document.getElementById('scroller');
  if (!drawn || !scroller) return;
  // Keep the point at the middle of the view where it is.
  const cx = (scroller.scrollLeft + scroller.clientWidth / 2) / state.zoom;
  const cy = (scroller.scrollTop + scroller.clientHeight / 2) / state.zoom;
  state.zoom = zoom;
  sizeSvg(drawn.svg, drawn.layout);
  scroller.scrollLeft = cx * zoom - scroller.clientWidth / 2;
  scroller.scrollTop = cy * zoom - scroller.clientHeight / 2;
  saveScroll(scroller);
}

function sizeSvg(s: SVGSVGElement, l: Layout): void {
  s.setAttribute('width', String(Math.ceil(l.width * state.zoom)));
  s.setAttribute('height', String(Math.ceil(l.height * state.zoom)));
}

function saveScroll(scroller: HTMLElement): void {
  state.scrollLeft = scroller.scrollLeft;
  state.scrollTop = scroller.scrollTop;
  vscode.setState(state);
}

/** A path through dagre's points, its corners rounded. */
function pathOf(points: Array<{ x: number; y: number }>): string {
  if (points.length === 0) return '';
  let d = `M${points[0].x},${points[0].y}`;
  for (let i = 1; i < points.length - 1; i++) {
    const p = points[i];
    const n = points[i + 1];
    d += ` Q${p.x},${p.y} ${(p.x + n.x) / 2},${(p.y + n.y) / 2}`;
  }
  const last = points[points.length - 1];
  return `${d} L${last.x},${last.y}`;
}

function drawDiagram(d: ModelDiagram, host: HTMLElement): void {
  const s = svg('svg', { class: 'flow', role: 'img', 'aria-label': `Tensor flow of ${d.name}` });
  host.append(s);
  const measure = measurer(s);
  const layout = layoutDiagram(d, measure, dagre);
  s.replaceChildren();
  s.setAttribute('viewBox', `0 0 ${Math.ceil(layout.width)} ${Math.ceil(layout.height)}`);
  sizeSvg(s, layout);
  const defs = svg('defs');
  const marker = svg('marker', {
    id: 'head',
    viewBox: '0 0 10 10',
    refX: 9,
    refY: 5,
    markerWidth: 7,
    markerHeight: 7,
    orient: 'auto-start-reverse',
  });
  marker.append(svg('path', { d: 'M0,0 L10,5 L0,10 z', class: 'arrow-head' }));
  defs.append(marker);
  s.append(defs);

  const arrows = svg('g', { class: 'arrows' });
  for (const a of layout.arrows) {
    const p = svg('path', { d: pathOf(a.points), class: 'arrow', 'data-layer': a.layer });
    if (a.intoTensor) p.setAttribute('marker-end', 'url(#head)');
    arrows.append(p);
  }
  s.append(arrows);

  const m = METRICS;
  const producerLine = new Map<number, number>();
  for (const l of d.layers) for (const o of l.outputs) producerLine.set(o, l.line);
  for (const t of layout.tensors) {
    const g = svg('g', {
      class: `tensor${t.tensor.input !== undefined ? ' input' : ''}${t.tensor.output !== undefined ? ' output' : ''}`,
      transform: `translate(${t.x},${t.y})`,
      'data-tensor': t.tensor.id,
      role: 'img',
      'aria-label': `tensor ${t.tensor.text}${t.tensor.axes.length ? `: ${t.tensor.axes.join(', ')}` : ''}`,
    });
    g.append(svg('rect', { width: t.width, height: t.height, rx: 4, class: 'box' }));
    let y = m.padY;
    if (t.tag) {
      g.append(svg('text', { x: t.width / 2, y: y + 11, class: 'tag', 'text-anchor': 'middle' }, t.tag));
      y += m.tagLine;
    }
    const dims = svg('text', { y: y + 14, class: 'dim shape' });
    for (const c of t.columns) dims.append(svg('tspan', { x: c.dimX }, c.dimText));
    const axes = svg('text', { y: y + m.dimLine + 12, class: 'axis axes', 'text-anchor': 'middle' });
    for (const c of t.columns) axes.append(svg('tspan', { x: c.axisX }, c.axis));
    g.append(dims, axes);
    const line = t.tensor.input !== undefined ? inputLine(d, t.tensor.id) : producerLine.get(t.tensor.id);
    if (line !== undefined) revealsLine(g, line);
    s.append(g);
  }

  for (const l of layout.layers) {
    const g = svg('g', {
      class: 'layer',
      transform: `translate(${l.x},${l.y})`,
      'data-layer': l.layer.id,
      'data-line': l.layer.line,
    });
    g.append(svg('rect', { width: l.width, height: l.height, rx: l.height / 2, class: 'pill' }));
    const label = svg('text', {
      x: l.width / 2,
      y: METRICS.labelPadY + 12,
      'text-anchor': 'middle',
      class: 'layer-label',
    });
    label.append(svg('tspan', { class: 'layerClass' }, l.title), svg('tspan', { class: 'layerName' }, l.name));
    if (l.params) label.append(svg('tspan', { class: 'params' }, l.params));
    g.append(label);
    const title = svg('title', {}, `${l.title}${l.name} — line ${l.layer.line + 1}`);
    g.append(title);
    revealsLine(g, l.layer.line);
    s.append(g);
  }
  drawn = { svg: s, layout };
}

function inputLine(d: ModelDiagram, tensor: number): number {
  const name = d.tensors[tensor]?.input;
  const row = d.rows.find((r) => r.className === 'InputLayer' && r.name === name);
  return row ? row.line : d.line;
}

function table(d: ModelDiagram): HTMLElement {
  const t = el('table', { class: 'summary' });
  const head = el('tr');
  for (const h of ['Layer (type)', 'Output Shape', 'Param #']) head.append(el('th', { text: h }));
  t.append(el('thead', {}, head));
  const body = el('tbody');
  for (const r of d.rows) {
    const tr = el(
      'tr',
      { title: `Line ${r.line + 1}` },
      el('td', {}, el('span', { text: r.name }), el('span', { class: 'type', text: ` (${r.className})` })),
      el('td', { class: 'shape', text: r.shape }),
      el('td', { class: 'num', text: fmt(r.params) }),
    );
    tr.dataset.line = String(r.line);
    revealsLine(tr, r.line);
    body.append(tr);
  }
  t.append(body);
  const totals = el(
    'tfoot',
    {},
    el('tr', {}, el('td', { text: 'Total params' }), el('td'), el('td', { class: 'num', text: fmt(d.totals.total) })),
    el(
      'tr',
      {},
      el('td', { text: 'Trainable params' }),
      el('td'),
      el('td', { class: 'num', text: fmt(d.totals.trainable) }),
    ),
    el(
      'tr',
      {},
      el('td', { text: 'Non-trainable params' }),
      el('td'),
      el('td', { class: 'num', text: fmt(d.totals.nonTrainable) }),
    ),
  );
  t.append(totals);
  return el('section', { class: 'table' }, el('h2', { text: 'model.summary()' }), t);
}

/** Marks the layers and rows on the editor's line. */
function markCursor(line: number): void {
  document.querySelectorAll('.current').forEach((e) => e.classList.remove('current'));
  document.querySelectorAll(`[data-line="${line}"]`).forEach((e) => e.classList.add('current'));
}

function render(file: string, result: DiagramResult, cursorLine: number): void {
  const root = document.getElementById('root')!;
  const old = document.getElementById('scroller');
  const sameModel = result.diagram && state.model === `${file}\u0000${result.diagram.name}`;
  const scroll = sameModel && old ? { left: old.scrollLeft, top: old.scrollTop } : undefined;
  drawn = undefined;
  const parts: Node[] = [header(file, result)];
  if (result.error) parts.push(errorBanner(result.error));
  const d = result.diagram;
  if (!d) {
    parts.push(el('p', { class: 'empty', text: `No Keras model is built in ${file}.` }));
    root.replaceChildren(...parts);
    return;
  }
  parts.push(toolbar(d));
  // The diagram and the table scroll together (the table stays in view beside a tall diagram).
  const picture = el('div', { class: 'diagram' });
  const scroller = el('div', { class: 'body' }, picture, table(d));
  scroller.id = 'scroller';
  parts.push(scroller);
  root.replaceChildren(...parts);
  if (d.undrawn) picture.append(el('p', { class: 'undrawn', text: `No flow to draw: ${d.undrawn}.` }));
  else if (d.layers.length > MAX_DRAWN_LAYERS)
    picture.append(
      el('p', {
        class: 'undrawn',
        text: `${d.layers.length} layer calls: too many to draw readably. The table lists every layer.`,
      }),
    );
  else drawDiagram(d, picture);
  markCursor(cursorLine);
  if (scroll) {
    scroller.scrollLeft = scroll.left;
    scroller.scrollTop = scroll.top;
  } else if (state.model === undefined && (state.scrollLeft || state.scrollTop)) {
    // The panel was shown again: its last position.
    scroller.scrollLeft = state.scrollLeft;
    scroller.scrollTop = state.scrollTop;
  }
  state.model = `${file}\u0000${d.name}`;
  saveScroll(scroller);
  scroller.addEventListener('scroll', () => saveScroll(scroller), { passive: true });
}

window.addEventListener('message', (ev: MessageEvent<ToWebview>) => {
  const msg = ev.data;
  if (msg.type === 'show') {
    current = { file: msg.file, result: msg.result, cursorLine: msg.cursorLine };
    render(msg.file, msg.result, msg.cursorLine);
  } else if (msg.type === 'cursor') {
    if (current) current.cursorLine = msg.cursorLine;
    markCursor(msg.cursorLine);
  } else if (msg.type === 'empty') {
    current = undefined;
    document.getElementById('root')!.replaceChildren(el('p', { class: 'empty', text: msg.message }));
  }
});

// Shown again after being hidden: the last position applies to the first drawing.
if (vscode.getState()) state.model = undefined;
vscode.postMessage({ type: 'ready' });
