/**
 * What the extension and the model view's webview say to each other, and the
 * `shapeLens/diagram` answer they pass on (declared by the server in
 * server/src/lsp/convert.ts; `test/lsp/diagram.test.ts` holds the two
 * together). Lines are 0-based, as in LSP; the view shows them 1-based.
 */

/** The request the extension sends the server: `{ uri, line }` -> DiagramResult | null. */
export const DIAGRAM_REQUEST = 'shapeLens/diagram';

export interface DiagramTensor {
  id: number;
  /** As Keras prints it, `(None, 15, 15, 12)`; `?` where not known. */
  text: string;
  /** Each dimension as Keras prints it; empty when the shape is not known. */
  dims: string[];
  /** A name per axis: `batch`, `rows`, `cols`, `channels`, ... */
  axes: string[];
  /** A model input: its InputLayer's name. */
  input?: string;
  /** A model output: its position among the outputs. */
  output?: number;
}

export interface DiagramLayer {
  id: number;
  /** Its row in `rows`; several calls of one layer share it. */
  row: number | null;
  className: string;
  name: string;
  params: number | null;
  line: number;
  inputs: number[];
  outputs: number[];
}

export interface DiagramRow {
  name: string;
  className: string;
  shape: string;
  params: number | null;
  line: number;
}

export interface ModelDiagram {
  name: string;
  kind: string;
  line: number;
  firstLine: number;
  lastLine: number;
  rows: DiagramRow[];
  totals: { total: number | null; trainable: number | null; nonTrainable: number | null };
  tensors: DiagramTensor[];
  layers: DiagramLayer[];
  /** Why no flow is drawn; unset when it is. */
  undrawn?: string;
}

export interface DiagramResult {
  models: Array<{ name: string; kind: string; line: number }>;
  selected: number | null;
  diagram: ModelDiagram | null;
  error: { line: number; type: string; message: string } | null;
}

/** Extension -> webview. */
export type ToWebview =
  | { type: 'show'; file: string; result: DiagramResult; cursorLine: number }
  | { type: 'cursor'; cursorLine: number }
  | { type: 'empty'; message: string };

/** Webview -> extension. */
export type FromWebview = { type: 'ready' } | { type: 'reveal'; line: number };
