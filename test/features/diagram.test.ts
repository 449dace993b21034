/**
 * The diagram model against every truth program: each drawn tensor carries
 * the shape Keras printed for the row that made it, every row of a
 * Sequential or functional model is drawn, and the calls of a functional
 * model connect the tensors Keras connected (recorded from Keras's own graph
 * in `test/truth/connections/`). Also which model a cursor line selects.
 */

import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { analyze, fileDiagram, modelDiagram, type ModelDiagram } from '../../server/src/analysis';
import { modelAtLine, type ModelRef } from '../../server/src/analysis/diagram';
import { loadPythonParser, type PythonParser } from '../../server/src/syntax/parser';
import { kerasShapeText, programFiles, readProgramTruth, type ProgramTruth } from '../helpers/programs';
import { LOCAL_TRUTH, REPO_ROOT, SHARED_TRUTH } from '../helpers/truth';

type Shape = Array<number | null>;
/** Per row of a functional model, its calls; per call, the tensors it takes as [row of their maker, output index]. */
type Connections = Array<Array<Array<[number, number]>>>;
const CONNECTIONS: Record<string, Array<{ line: number; name: string; connections: Connections }>> = JSON.parse(
  fs.readFileSync(path.join(LOCAL_TRUTH, 'connections', 'connections.json'), 'utf8'),
);

const DIRS: Array<[string, string]> = [
  ['shared', path.join(SHARED_TRUTH, 'programs')],
  ['local', path.join(LOCAL_TRUTH, 'programs')],
];

interface TruthRow {
  line: number;
  class: string;
  name: string;
  output_shape: Shape | Shape[] | null;
  params: number | null;
}
type TruthModel = Omit<ProgramTruth['models'][number], 'layers'> & { layers: TruthRow[] };
const truthOf = (file: string) => readProgramTruth(file) as unknown as { models: TruthModel[] };

/** The analysis's rows are Keras's (the program tests check that; only such models are drawn here). */
function sameRows(d: ModelDiagram, t: TruthModel): boolean {
  const got = d.summary.layers;
  return (
    d.summary.line === t.line &&
    got.length === t.layers.length &&
    got.every(
      (r, i) =>
        r.class === t.layers[i].class &&
        r.line === t.layers[i].line &&
        JSON.stringify(r.output_shape) === JSON.stringify(t.layers[i].output_shape),
    )
  );
}

/** Where each tensor comes from: [row of the layer (or InputLayer) that made it, index among its outputs]. */
function makers(d: ModelDiagram): Map<number, [number, number]> {
  const by = new Map<number, [number, number]>();
  for (const l of d.layers) l.outputs.forEach((t, k) => l.row !== null && by.set(t, [l.row, k]));
  for (const t of d.tensors) if (t.row !== undefined) by.set(t.id, [t.row, 0]);
  return by;
}

const sorted = (calls: Array<Array<[number, number]>>): string[] =>
  calls.map((c) => JSON.stringify([...c].sort((a, b) => a[0] - b[0] || a[1] - b[1]))).sort();

/** Every difference between the drawing of a model and Keras's record of it. */
function checkModel(d: ModelDiagram, t: TruthModel, connections: Connections | undefined): string[] {
  const problems: string[] = [];
  const rows = t.layers;
  const tensors = new Map(d.tensors.map((x) => [x.id, x]));
  for (const x of d.tensors) {
    if (x.axes.length !== x.dims.length) problems.push(`tensor ${x.text}: ${x.axes.length} axis names`);
    if (x.dims.length > 0 && x.axes[0] !== 'batch') problems.push(`tensor ${x.text}: first axis is ${x.axes[0]}`);
  }
  // Every row but the InputLayers is an edge; every InputLayer is an input box with its shape.
  rows.forEach((r, i) => {
    if (r.class === 'InputLayer') {
      const box = d.tensors.find((x) => x.row === i);
      if (!box) problems.push(`row ${i} ${r.class}: no input box`);
      else if (box.text !== kerasShapeText(r.output_shape as Shape))
        problems.push(`input ${r.name}: drawn ${box.text}, Keras ${kerasShapeText(r.output_shape as Shape)}`);
      return;
    }
    const edges = d.layers.filter((l) => l.row === i);
    if (edges.length === 0) return problems.push(`row ${i} ${r.class}@${r.line}: not drawn`);
    for (const e of edges)
      if (e.className !== r.class || e.line !== r.line || e.params !== r.params)
        problems.push(`row ${i}: drawn ${e.className}@${e.line} ${e.params}, Keras ${r.class}@${r.line} ${r.params}`);
    if (r.output_shape === null) return;
    const expected = (Array.isArray(r.output_shape[0]) ? (r.output_shape as Shape[]) : [r.output_shape as Shape]).map(
      kerasShapeText,
    );
    // Keras prints a layer's latest call; a layer called twice has one edge per call.
    const drawn = edges.map((e) => e.outputs.map((o) => tensors.get(o)!.text));
    if (!drawn.some((texts) => JSON.stringify(texts) === JSON.stringify(expected)))
      problems.push(`row ${i} ${r.class}@${r.line}: drawn ${JSON.stringify(drawn)}, Keras ${JSON.stringify(expected)}`);
  });
  if (t.kind === 'Sequential') {
    // A chain: each layer takes what the one before it gave.
    d.layers.forEach((l, i) => {
      if (i > 0 && JSON.stringify(l.inputs) !== JSON.stringify(d.layers[i - 1].outputs))
        problems.push(`layer ${i} does not follow layer ${i - 1}`);
    });
  }
  if (connections) {
    const from = makers(d);
    connections.forEach((calls, i) => {
      const drawn = d.layers
        .filter((l) => l.row === i)
        .map((l) => l.inputs.map((id): [number, number] => from.get(id) ?? [-1, -1]));
      if (JSON.stringify(sorted(drawn)) !== JSON.stringify(sorted(calls)))
        problems.push(`row ${i} ${rows[i].class}: takes ${JSON.stringify(drawn)}, Keras ${JSON.stringify(calls)}`);
    });
  }
  return problems;
}

describe('diagram of a model', () => {
  let parser: PythonParser;
  before(async () => {
    parser = await loadPythonParser();
  });

  for (const [where, dir] of DIRS) {
    it(`draws every model of the ${where} truth programs with Keras's shapes and connections`, () => {
      const problems: string[] = [];
      let drawn = 0;
      let connected = 0;
      for (const file of programFiles(dir)) {
        const name = path.basename(file, '.py');
        const truth = truthOf(file);
        const a = analyze(fs.readFileSync(file, 'utf8'), parser);
        const recorded = CONNECTIONS[`${where}/${name}`] ?? [];
        truth.models.forEach((t, i) => {
          const d = modelDiagram(a, i);
          if (!d || !sameRows(d, t)) return;
          const where = `${name} model ${i} (${t.kind}, line ${t.line})`;
          // Keras keeps a graph for Functional models, and for subclasses that call Model(inputs, outputs).
          const record = t.kind === 'Sequential' ? undefined : recorded.find((r) => r.line === t.line);
          if (t.kind !== 'Sequential' && !record) {
            if (!d.undrawn || d.tensors.length > 0) problems.push(`${where}: drawn, but Keras has no graph of it`);
            return;
          }
          if (d.undrawn) return problems.push(`${where}: not drawn (${d.undrawn})`);
          drawn++;
          if (record) connected++;
          for (const p of checkModel(d, t, record?.connections)) problems.push(`${where}: ${p}`);
        });
      }
      assert.deepStrictEqual(problems, []);
      assert.ok(drawn >= 20, `only ${drawn} models drawn`);
      assert.ok(connected >= 10, `only ${connected} functional models checked against Keras's connections`);
    });
  }

  it("draws the example U-Net's skip connections: each Concatenate takes the upsampled tensor and the encoder's", () => {
    const file = path.join(REPO_ROOT, 'examples', 'unet.py');
    const recorded = path.join(LOCAL_TRUTH, 'programs', 'example_unet.py');
    assert.strictEqual(
      fs.readFileSync(file, 'utf8'),
      fs.readFileSync(recorded, 'utf8'),
      'the example is the one recorded',
    );
    const truth = truthOf(recorded);
    const d = modelDiagram(analyze(fs.readFileSync(file, 'utf8'), parser), 0)!;
    const rowOf = (cls: string) => truth.models[0].layers.flatMap((r, i) => (r.class === cls ? [i] : []));
    const from = makers(d);
    const merges = d.layers.filter((l) => l.className === 'Concatenate');
    assert.deepStrictEqual(
      merges.map((l) => l.row),
      rowOf('Concatenate'),
    );
    for (const m of merges) {
      assert.strictEqual(m.inputs.length, 2);
      const [up, skip] = m.inputs.map((id) => truth.models[0].layers[from.get(id)![0]]);
      assert.strictEqual(up.class, 'Conv2DTranspose');
      // The skip comes from the encoder: a Conv2D whose output is as large as the upsampled tensor.
      assert.strictEqual(skip.class, 'Conv2D');
      assert.deepStrictEqual((skip.output_shape as Shape).slice(0, 3), (up.output_shape as Shape).slice(0, 3));
      assert.ok(skip.line < truth.models[0].layers[m.row!].line - 2, 'the skip crosses the bottleneck');
    }
    // One input and one output box, the input's axes named the way Conv2D reads them.
    const input = d.tensors.filter((x) => x.input !== undefined);
    assert.deepStrictEqual(
      input.map((x) => [x.input, x.text, x.axes]),
      [
        [
          'image',
          kerasShapeText(truth.models[0].layers[0].output_shape as Shape),
          ['batch', 'rows', 'cols', 'channels'],
        ],
      ],
    );
    assert.deepStrictEqual(
      d.tensors.filter((x) => x.output !== undefined).map((x) => x.text),
      [kerasShapeText(truth.models[0].layers.at(-1)!.output_shape as Shape)],
    );
  });

  it('names the axes of the seed Sequential as the hover does: rows, cols, channels; Dense keeps the middle axes', () => {
    const file = path.join(REPO_ROOT, 'examples', 'seed_model2.py');
    const truth = truthOf(path.join(SHARED_TRUTH, 'programs', 'seed_conv2d_channels_last.py'));
    const d = fileDiagram(analyze(fs.readFileSync(file, 'utf8'), parser), 0).diagram!;
    assert.deepStrictEqual(
      d.tensors.map((x) => x.text),
      ['(None, 15, 15, 20)', ...truth.models[0].layers.map((r) => kerasShapeText(r.output_shape as Shape))],
    );
    assert.deepStrictEqual(d.tensors[0].axes, ['batch', 'rows', 'cols', 'channels']);
    assert.deepStrictEqual(d.tensors.at(-1)!.axes, ['batch', 'axis 1 (unchanged)', 'axis 2 (unchanged)', 'units']);
    assert.deepStrictEqual(
      d.layers.map((l) => [l.className, l.params]),
      truth.models[0].layers.map((r) => [r.class, r.params]),
    );
  });

  it("a subclassed model gets its table and no drawing, and a file's Keras error comes with the models", () => {
    const subclassed = path.join(LOCAL_TRUTH, 'programs', 'subclass_user_layer_attrs_in_subclass_model.py');
    const t = truthOf(subclassed).models[0];
    // A subclass with its own call: Keras keeps no graph of it either.
    const recorded = CONNECTIONS[`local/${path.basename(subclassed, '.py')}`];
    assert.ok(recorded, 'the program was recorded');
    assert.ok(t.kind !== 'Sequential' && t.kind !== 'Functional' && !recorded.some((r) => r.line === t.line));
    const f = fileDiagram(analyze(fs.readFileSync(subclassed, 'utf8'), parser), t.line - 1);
    assert.strictEqual(f.diagram?.summary.kind, t.kind);
    assert.deepStrictEqual(
      f.diagram?.summary.layers.map((r) => r.class),
      t.layers.map((r) => r.class),
    );
    assert.ok(f.diagram?.undrawn);
    assert.deepStrictEqual(f.diagram?.tensors, []);

    const failing = path.join(SHARED_TRUTH, 'programs', 'fail_lstm_2d_input.py');
    const error = readProgramTruth(failing).error!;
    const broken = fileDiagram(analyze(fs.readFileSync(failing, 'utf8'), parser), 0);
    assert.deepStrictEqual([broken.error?.line, broken.error?.type], [error.line, error.type]);
  });

  describe('the model at a cursor line', () => {
    const ref = (firstLine: number, lastLine: number): ModelRef => ({
      name: '',
      kind: 'Functional',
      line: lastLine,
      firstLine,
      lastLine,
    });
    const models = [ref(3, 10), ref(12, 20), ref(14, 16)];

    it('is the one whose lines hold the cursor, the innermost when they nest', () => {
      assert.strictEqual(modelAtLine(models, 5), 0);
      assert.strictEqual(modelAtLine(models, 12), 1);
      assert.strictEqual(modelAtLine(models, 15), 2);
    });
    it('else the last one above the cursor, else the first', () => {
      assert.strictEqual(modelAtLine(models, 11), 0);
      assert.strictEqual(modelAtLine(models, 30), 1);
      assert.strictEqual(modelAtLine(models, 1), 0);
      assert.strictEqual(modelAtLine([], 1), null);
    });
    it('follows the cursor through the example file: the U-Net, then the classifier', () => {
      const file = path.join(REPO_ROOT, 'examples', 'unet.py');
      const truth = truthOf(path.join(LOCAL_TRUTH, 'programs', 'example_unet.py'));
      const a = analyze(fs.readFileSync(file, 'utf8'), parser);
      const at = (line: number) => fileDiagram(a, line - 1).diagram!.summary.name;
      const [unet, classifier] = truth.models;
      assert.strictEqual(at(unet.layers[3].line), 'unet');
      assert.strictEqual(at(unet.line + 2), 'unet');
      assert.strictEqual(at(classifier.layers[3].line), 'classifier');
      assert.strictEqual(at(classifier.line + 3), 'classifier');
      assert.strictEqual(at(1), 'unet');
      assert.deepStrictEqual(
        fileDiagram(a, 0).models.map((m) => [m.name, m.line]),
        [
          ['unet', unet.line],
          ['classifier', classifier.line],
        ],
      );
    });
  });
});
