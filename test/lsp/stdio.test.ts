/**
 * The language server over stdio with a real LSP client: initialize, open,
 * edit, ask for hints and hover, read diagnostics. Expected shapes and
 * errors come from the Keras truth of the shared programs.
 */

import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { analyze, diagnostics, inlayHints, summary } from '../../server/src/analysis';
import { loadPythonParser } from '../../server/src/syntax/parser';
import { labelText, LspTestClient } from '../helpers/lspClient';
import { kerasShapeText, programFiles, readProgramTruth } from '../helpers/programs';
import { REPO_ROOT, SHARED_TRUTH } from '../helpers/truth';

const PROGRAMS = path.join(SHARED_TRUTH, 'programs');
const uriOf = (file: string) => `file://${file}`;
const truthOf = readProgramTruth;
const formatShape = kerasShapeText;

describe('language server over stdio', function () {
  this.timeout(60000);
  let client: LspTestClient;

  before(async () => {
    client = new LspTestClient();
    await client.initialize();
  });

  after(async () => {
    await client.shutdown();
  });

  it('shows each layer of the seed example as Keras prints it, and the model total', async () => {
    const file = path.join(REPO_ROOT, 'examples', 'seed_model2.py');
    const truth = truthOf(path.join(PROGRAMS, 'seed_conv2d_channels_last.py'));
    await client.open(uriOf(file), fs.readFileSync(file, 'utf8'));
    const hints = await client.hints(uriOf(file));
    for (const row of truth.models[0].layers) {
      const h = hints.find((x) => x.position.line === row.line - 1 && labelText(x).startsWith('→'));
      assert.ok(h, `a hint on line ${row.line}`);
      assert.strictEqual(labelText(h!), `→ ${formatShape(row.output_shape as Array<number | null>)}`);
    }
    const total = hints.find((x) => x.position.line === truth.models[0].line - 1 && labelText(x).endsWith('params'));
    assert.strictEqual(total && labelText(total), `${truth.models[0].total_params!.toLocaleString('en-US')} params`);
  });

  it('hovers with the axes named and the parameter formula', async () => {
    const file = path.join(REPO_ROOT, 'examples', 'seed_model2.py');
    const line = fs
      .readFileSync(file, 'utf8')
      .split('\n')
      .findIndex((l) => l.includes('Conv2D(12'));
    const col = fs.readFileSync(file, 'utf8').split('\n')[line].indexOf('Conv2D(12') + 2;
    const h = await client.hover(uriOf(file), line, col);
    const text = (h?.contents as { value: string }).value;
    assert.match(text, /Output: `\(None, 15, 15, 12\)` — batch=None, rows=15, cols=15, channels=12/);
    assert.match(text, /\(3·3·20 \+ 1\)·12 = 2,172/);
  });

  it('reports the error Keras raises on the line it raises it', async () => {
    const file = path.join(PROGRAMS, 'fail_lstm_2d_input.py');
    const truth = truthOf(file);
    await client.open(uriOf(file), fs.readFileSync(file, 'utf8'));
    const diags = await client.diagnosticsFor(uriOf(file), 1);
    const errors = diags.filter((d) => d.severity === 1);
    assert.deepStrictEqual(
      errors.map((d) => d.range.start.line + 1),
      [truth.error!.line],
    );
    assert.strictEqual(errors[0].code, 'keras-error');
  });

  it('updates hints after an incremental edit', async () => {
    const uri = 'file:///edit/model.py';
    const text =
      'import keras\nfrom keras import layers\n\nmodel = keras.Sequential([keras.Input(shape=(8,)), layers.Dense(4)])\n';
    await client.open(uri, text);
    const before = await client.hints(uri);
    assert.ok(before.some((h) => labelText(h) === '→ (None, 4)'));
    const col = text.split('\n')[3].indexOf('Dense(4)') + 6;
    await client.change(uri, 2, [
      { range: { start: { line: 3, character: col }, end: { line: 3, character: col + 1 } }, text: '16' },
    ]);
    const after = await client.hints(uri);
    assert.ok(
      after.some((h) => labelText(h) === '→ (None, 16)'),
      JSON.stringify(after.map(labelText)),
    );
  });

  it('agrees with `shape-lens summary --json` on every visible program', async () => {
    const parser = await loadPythonParser();
    for (const file of programFiles(PROGRAMS)) {
      const text = fs.readFileSync(file, 'utf8');
      const a = analyze(text, parser);
      await client.open(uriOf(file), text, 1);
      const lspHints = (await client.hints(uriOf(file))).map((h) => `${h.position.line}:${labelText(h)}`);
      const expected = inlayHints(a).map((h) => `${h.line}:${h.label}`);
      assert.deepStrictEqual(lspHints, expected, path.basename(file));
      const lspDiags = (await client.diagnosticsFor(uriOf(file), 1)).map((d) => `${d.range.start.line + 1}:${d.code}`);
      assert.deepStrictEqual(
        lspDiags,
        diagnostics(a).map((d) => `${d.line}:${d.code}`),
        path.basename(file),
      );
      // A hint on a line with summary rows shows shapes of those rows (the outermost call, or each run of a helper).
      const rowShapes = new Map<number, Set<string>>();
      for (const m of summary(a)) {
        for (const row of m.layers) {
          if (!row.output_shape || Array.isArray(row.output_shape[0])) continue;
          const set = rowShapes.get(row.line - 1) ?? new Set<string>();
          set.add(formatShape(row.output_shape as Array<number | null>));
          rowShapes.set(row.line - 1, set);
        }
      }
      for (const h of lspHints) {
        const [line, label] = [Number(h.split(':')[0]), h.slice(h.indexOf(':') + 1)];
        const rows = rowShapes.get(line);
        if (!rows || !label.startsWith('→ ')) continue;
        for (const shape of label.slice(2).split(' | ')) {
          if (shape !== '…' && !shape.startsWith('['))
            assert.ok(
              rows.has(shape),
              `${path.basename(file)}:${line + 1}: hint ${shape} is not a row shape there (${[...rows]})`,
            );
        }
      }
      await client.close(uriOf(file));
    }
  });

  it('survives every prefix of every example typed in, and never leaves stale diagnostics', async function () {
    // Thousands of edits over every recorded program: minutes on a busy two-core machine.
    this.timeout(180000);
    const files = [
      ...programFiles(PROGRAMS),
      ...programFiles(path.join(REPO_ROOT, 'test', 'truth', 'programs')),
      ...fs
        .readdirSync(path.join(REPO_ROOT, 'examples'))
        .filter((f) => f.endsWith('.py'))
        .map((f) => path.join(REPO_ROOT, 'examples', f)),
    ];
    let version = 1;
    for (const file of files) {
      const uri = uriOf(`${file}.typed`);
      const text = fs.readFileSync(file, 'utf8');
      await client.open(uri, '', version);
      let typed = '';
      // Type the file one line at a time, as edits at the end of the document.
      for (const line of text.split(/(?<=\n)/)) {
        const lines = typed.split('\n');
        const end = { line: lines.length - 1, character: lines[lines.length - 1].length };
        await client.change(uri, ++version, [{ range: { start: end, end }, text: line }]);
        typed += line;
        const hints = await client.hints(uri);
        assert.ok(Array.isArray(hints));
      }
      const final = await client.diagnosticsFor(uri, version);
      const expected = diagnostics(analyze(text, await loadPythonParser())).map((d) => `${d.line}:${d.code}`);
      assert.deepStrictEqual(
        final.map((d) => `${d.range.start.line + 1}:${d.code}`),
        expected,
        `${path.basename(file)}: diagnostics of the final version`,
      );
      await client.close(uri);
    }
    assert.ok(client.alive, `server alive (stderr: ${client.stderr.slice(0, 500)})`);
  });
});

describe('language server under bad input', function () {
  this.timeout(60000);

  it('keeps serving after random bytes, a 20,000-line file and edits that break everything', async () => {
    const client = new LspTestClient();
    try {
      await client.initialize();
      let seed = 7;
      const rand = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
      const bytes = Array.from({ length: 5000 }, () => String.fromCharCode(Math.floor(rand() * 256))).join('');
      await client.open('file:///bad/bytes.py', bytes);
      assert.deepStrictEqual(await client.hints('file:///bad/bytes.py'), []);
      const seedText = fs.readFileSync(path.join(REPO_ROOT, 'examples', 'seed_model2.py'), 'utf8');
      const huge = seedText + Array.from({ length: 20000 }, (_, i) => `v${i} = ${i} * 2`).join('\n');
      await client.open('file:///bad/huge.py', huge);
      assert.ok((await client.hints('file:///bad/huge.py', 30)).length > 0);
      // Replace everything with garbage, then with nothing, then with the example again.
      await client.change('file:///bad/huge.py', 2, [{ text: bytes }]);
      await client.change('file:///bad/huge.py', 3, [
        { range: { start: { line: 0, character: 0 }, end: { line: 100000, character: 0 } }, text: '' },
      ]);
      await client.change('file:///bad/huge.py', 4, [
        { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: seedText },
      ]);
      const hints = await client.hints('file:///bad/huge.py');
      const first = truthOf(path.join(PROGRAMS, 'seed_conv2d_channels_last.py')).models[0].layers[0];
      const want = `→ ${formatShape(first.output_shape as Array<number | null>)}`;
      assert.ok(
        hints.some((h) => h.position.line === first.line - 1 && labelText(h) === want),
        JSON.stringify(hints.map(labelText)),
      );
      assert.ok(client.alive, client.stderr);
    } finally {
      await client.shutdown();
    }
  });
});

describe('language server settings over stdio', function () {
  this.timeout(30000);

  it('turns a warning off and changes the default data format', async () => {
    // The program the channels_first truth was recorded from (the same text as examples/seed_model2_channels_first_input.py).
    const file = path.join(REPO_ROOT, 'test', 'truth', 'channels-first-config', 'seed_model2.py');
    const text = fs.readFileSync(file, 'utf8');
    const plain = new LspTestClient();
    const tuned = new LspTestClient({ warnings: { 'channels-first-input': false }, imageDataFormat: 'channels_first' });
    try {
      await plain.initialize();
      await tuned.initialize();
      await plain.open(uriOf(file), text);
      await tuned.open(uriOf(file), text);
      const codes = (d: Array<{ code?: string | number }>) => d.map((x) => x.code);
      assert.ok(codes(await plain.diagnosticsFor(uriOf(file), 1)).includes('channels-first-input'));
      assert.ok(!codes(await tuned.diagnosticsFor(uriOf(file), 1)).includes('channels-first-input'));
      // channels_first by default: every row as Keras printed it with that config (test/truth/channels-first-config).
      const truth = truthOf(file);
      const hints = await tuned.hints(uriOf(file));
      for (const row of truth.models[0].layers) {
        const hint = hints.find((h) => h.position.line === row.line - 1 && labelText(h).startsWith('→'));
        assert.strictEqual(
          hint && labelText(hint),
          `→ ${formatShape(row.output_shape as Array<number | null>)}`,
          `line ${row.line}`,
        );
      }
    } finally {
      await plain.shutdown();
      await tuned.shutdown();
    }
  });
});
