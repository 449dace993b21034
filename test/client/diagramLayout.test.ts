/**
 * The model view's layout (client/src/webview/layout.ts), run in Node on the
 * diagrams of the truth programs with a stand-in for the webview's text
 * measurement: no two boxes or labels overlap, every arrow runs between the
 * things it joins, a box holds its texts without them touching, and the
 * pieces of a drawn shape read exactly as Keras prints it.
 */

import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { analyze, fileDiagram } from '../../server/src/analysis';
import { toDiagramResult } from '../../server/src/lsp/convert';
import { loadPythonParser, type PythonParser } from '../../server/src/syntax/parser';
import { dimPieces, layoutDiagram, type Box, type Measure } from '../../client/src/webview/layout';
import type { ModelDiagram } from '../../client/src/webview/protocol';
import { programFiles, readProgramTruth } from '../helpers/programs';
import { LOCAL_TRUTH, REPO_ROOT, SHARED_TRUTH } from '../helpers/truth';

// The CommonJS build of dagre; the webview bundles its ES module (see layout.ts).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const dagre = require('@dagrejs/dagre');

/** Widths roughly as a 13 px monospace and an 11-12 px proportional font give them. */
const measure: Measure = (text, kind) => text.length * (kind === 'dim' ? 7.8 : kind === 'layerClass' ? 7 : 6.2);

/** Larger models take dagre a second or more; the smaller ones cover every shape of graph here. */
const MAX_LAYERS = 120;

function overlap(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

function near(p: { x: number; y: number }, b: Box): boolean {
  const slack = 1.5;
  return p.x >= b.x - slack && p.x <= b.x + b.width + slack && p.y >= b.y - slack && p.y <= b.y + b.height + slack;
}

function problemsOf(d: ModelDiagram): string[] {
  const problems: string[] = [];
  const l = layoutDiagram(d, measure, dagre);
  const boxes: Array<[string, Box]> = [
    ...l.tensors.map((t): [string, Box] => [`tensor ${t.tensor.id} ${t.tensor.text}`, t]),
    ...l.layers.map((x): [string, Box] => [`layer ${x.layer.className} ${x.layer.name}`, x]),
  ];
  for (let i = 0; i < boxes.length; i++)
    for (let j = i + 1; j < boxes.length; j++)
      if (overlap(boxes[i][1], boxes[j][1])) problems.push(`${boxes[i][0]} overlaps ${boxes[j][0]}`);
  for (const [name, b] of boxes)
    if (b.x < 0 || b.y < 0 || b.x + b.width > l.width + 0.5 || b.y + b.height > l.height + 0.5)
      problems.push(`${name} is outside the drawing`);
  const tensorBox = new Map(l.tensors.map((t) => [t.tensor.id, t]));
  const layerBox = new Map(l.layers.map((x) => [x.layer.id, x]));
  for (const a of l.arrows) {
    const [from, to] = a.intoTensor
      ? [layerBox.get(a.layer)!, tensorBox.get(a.tensor)!]
      : [tensorBox.get(a.tensor)!, layerBox.get(a.layer)!];
    if (a.points.length < 2 || !near(a.points[0], from) || !near(a.points.at(-1)!, to))
      problems.push(`the arrow between tensor ${a.tensor} and layer ${a.layer} does not join them`);
  }
  const expectedArrows = d.layers.reduce((n, x) => n + new Set(x.inputs).size + new Set(x.outputs).size, 0);
  if (l.arrows.length !== expectedArrows) problems.push(`${l.arrows.length} arrows, ${expectedArrows} expected`);
  for (const t of l.tensors) {
    if (t.columns.map((c) => c.dimText).join('') !== t.tensor.text)
      problems.push(`tensor ${t.tensor.id}: pieces read ${t.columns.map((c) => c.dimText).join('')}`);
    t.columns.forEach((c, i) => {
      const dimEnd = c.dimX + measure(c.dimText, 'dim');
      const axisEnd = c.axisX + measure(c.axis, 'axis') / 2;
      if (c.dimX < 0 || c.axisX - measure(c.axis, 'axis') / 2 < 0 || dimEnd > t.width || axisEnd > t.width)
        problems.push(`tensor ${t.tensor.id}: column ${i} leaves its box`);
      const next = t.columns[i + 1];
      if (next && (dimEnd > next.dimX + 0.01 || axisEnd > next.axisX - measure(next.axis, 'axis') / 2 + 0.01))
        problems.push(`tensor ${t.tensor.id}: columns ${i} and ${i + 1} touch`);
    });
  }
  return problems;
}

describe('model view layout', function () {
  this.timeout(120000);
  let parser: PythonParser;
  before(async () => {
    parser = await loadPythonParser();
  });

  it('reads a shape as Keras prints it, piece by piece', () => {
    const text = (dims: string[]) =>
      dimPieces(dims)
        .map((p) => p.before + p.dim + p.after)
        .join('');
    // The texts are the server's, made by the one shape formatter (shapes/shape.ts).
    const d = toDiagramResult(
      fileDiagram(analyze(fs.readFileSync(path.join(REPO_ROOT, 'examples', 'unet.py'), 'utf8'), parser), 0),
    );
    for (const t of d.diagram!.tensors) assert.strictEqual(text(t.dims), t.text);
    assert.strictEqual(text([]), '?');
  });

  for (const dir of [path.join(SHARED_TRUTH, 'programs'), path.join(LOCAL_TRUTH, 'programs')]) {
    it(`lays out the models of ${path.basename(path.dirname(dir))}/programs without overlaps`, () => {
      const problems: string[] = [];
      let laidOut = 0;
      let merges = 0;
      for (const file of programFiles(dir)) {
        const a = analyze(fs.readFileSync(file, 'utf8'), parser);
        readProgramTruth(file).models.forEach((m) => {
          const d = toDiagramResult(fileDiagram(a, m.line - 1)).diagram;
          if (!d || d.undrawn || d.layers.length > MAX_LAYERS) return;
          laidOut++;
          merges += d.layers.filter((x) => x.inputs.length > 1).length;
          for (const p of problemsOf(d)) problems.push(`${path.basename(file)} ${d.name}: ${p}`);
        });
      }
      assert.deepStrictEqual(problems, []);
      assert.ok(laidOut >= 20 && merges >= 5, `${laidOut} models, ${merges} merges laid out`);
    });
  }
});
