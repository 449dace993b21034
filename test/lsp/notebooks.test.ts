/**
 * Notebooks over LSP 3.17 notebook document sync: every notebook of
 * test/truth/notebooks/ opened as VS Code opens it (one document per cell),
 * against what real Keras built when its code cells ran as IPython runs them
 * (NAME.truth.json, and NAME.lines.json for each program line's cell and line
 * in the cell): each row's hint in the cell and line of its layer, the
 * error in its cell, nothing in markdown or raw cells, hovers and edits.
 */

import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { Diagnostic, InlayHint } from 'vscode-languageserver-protocol/node';
import { cellUri, labelText, LspTestClient, type TestCell } from '../helpers/lspClient';
import { kerasShapeText, type ProgramTruth } from '../helpers/programs';
import { LOCAL_TRUTH } from '../helpers/truth';

const DIR = path.join(LOCAL_TRUTH, 'notebooks');
const NOTEBOOKS = fs
  .readdirSync(DIR)
  .filter((f) => f.endsWith('.ipynb'))
  .sort();

interface Recorded {
  cells: TestCell[];
  truth: ProgramTruth;
  /** Per program line (1-based index - 1): [cell index, 1-based line in the cell]. */
  lines: Array<[number, number]>;
}

function recorded(name: string): Recorded {
  const file = path.join(DIR, name);
  const nb = JSON.parse(fs.readFileSync(file, 'utf8')) as {
    cells: Array<{ cell_type: string; source: string | string[] }>;
  };
  return {
    cells: nb.cells.map((c) => ({
      kind: c.cell_type === 'code' || c.cell_type === 'markdown' ? c.cell_type : 'raw',
      source: Array.isArray(c.source) ? c.source.join('') : c.source,
    })),
    truth: JSON.parse(fs.readFileSync(file.replace(/\.ipynb$/, '.truth.json'), 'utf8')),
    lines: JSON.parse(fs.readFileSync(file.replace(/\.ipynb$/, '.lines.json'), 'utf8')),
  };
}

/** The last line (0-based) of the statement starting on `line` of `source`: where its brackets close. */
function statementEnd(source: string, line: number): number {
  const lines = source.split('\n');
  let depth = 0;
  for (let i = line; i < lines.length; i++) {
    for (const ch of lines[i].replace(/(["'])(?:\\.|(?!\1).)*\1/g, '').replace(/#.*/, '')) {
      if ('([{'.includes(ch)) depth++;
      else if (')]}'.includes(ch)) depth--;
    }
    if (depth <= 0) return i;
  }
  return lines.length - 1;
}

const nbUri = (name: string) => `file://${path.join(DIR, name)}`;

describe('notebooks over LSP notebook document sync, against Keras', function () {
  this.timeout(60000);
  let client: LspTestClient;

  before(async () => {
    client = new LspTestClient();
    await client.initialize();
  });

  after(async () => {
    await client.shutdown();
  });

  it('finds the recorded notebooks', () => assert.ok(NOTEBOOKS.length >= 2, NOTEBOOKS.join(', ')));

  for (const name of NOTEBOOKS) {
    it(`${name}: each row's hint and the error in the cell and line they belong to`, async () => {
      const { cells, truth, lines } = recorded(name);
      const uri = nbUri(name);
      await client.openNotebook(uri, cells);
      const hints: InlayHint[][] = await Promise.all(cells.map((_, i) => client.hints(cellUri(uri, i))));
      cells.forEach((c, i) => {
        if (c.kind !== 'code') assert.deepStrictEqual(hints[i], [], `no hint in ${c.kind} cell ${i}`);
      });
      for (const model of truth.models) {
        for (const row of model.layers) {
          // A row of several outputs shows them as a list (not read here, as in the stdio test).
          if (row.output_shape === null || Array.isArray((row.output_shape as unknown[])[0])) continue;
          const [cell, line] = lines[row.line - 1];
          const want = `→ ${kerasShapeText(row.output_shape as Array<number | null>)}`;
          // A call written over several lines has its hint on its last line: the first hinted line from the row's on,
          // or, for a call whose brackets hold other calls with hints of their own (a Sequential of layers), a
          // hinted line before its brackets close.
          const from = hints[cell].filter((h) => h.position.line >= line - 1 && labelText(h).startsWith('→ '));
          const at = Math.min(...from.map((h) => h.position.line));
          const end = statementEnd(cells[cell].source, line - 1);
          const got = from.filter((h) => h.position.line === at).map(labelText);
          const within = from.filter((h) => h.position.line <= end).map(labelText);
          // Several rows made on one line share its hint: `→ (None, 8) | (None, 30)`, elided past three.
          const shown = [...got, ...within].flatMap((g) => g.slice(2).split(' | '));
          // A model used as a layer is hinted where it is called, which may be far from the line that made it.
          const calledAt =
            (row.class === 'Functional' || row.class === 'Sequential') &&
            hints.flat().some((h) => labelText(h).slice(2).split(' | ').includes(want.slice(2)));
          const ok =
            got.includes(want) ||
            within.includes(want) ||
            shown.includes(want.slice(2)) ||
            shown.includes('…') ||
            calledAt;
          assert.ok(ok, `cell ${cell} line ${line}: want ${want}, got ${JSON.stringify(got)}`);
        }
      }
      const errors: string[] = [];
      for (let i = 0; i < cells.length; i++) {
        if (cells[i].kind !== 'code') continue;
        const published: Diagnostic[] = await client.diagnosticsFor(cellUri(uri, i), 1);
        for (const d of published) if (d.severity === 1) errors.push(`cell ${i} line ${d.range.start.line + 1}`);
      }
      const want = truth.error ? [`cell ${lines[truth.error.line - 1][0]} line ${lines[truth.error.line - 1][1]}`] : [];
      assert.deepStrictEqual(errors, want);
      await client.closeNotebook(uri, cells.length);
    });
  }

  it('hovers on the Dense of the seed notebook in its later cell with the shape Keras built', async () => {
    const name = 'seed_cells.ipynb';
    const { cells, truth, lines } = recorded(name);
    const uri = nbUri(name);
    await client.openNotebook(uri, cells);
    const dense = truth.models[0].layers.find((l) => l.class === 'Dense')!;
    const [cell, line] = lines[dense.line - 1];
    const column = cells[cell].source.split('\n')[line - 1].indexOf('Dense(') + 2;
    const h = await client.hover(cellUri(uri, cell), line - 1, column);
    const text = (h?.contents as { value: string } | undefined)?.value ?? '';
    assert.ok(text.includes(kerasShapeText(dense.output_shape as Array<number | null>)), text);
    assert.strictEqual(h!.range!.start.line, line - 1);
    await client.closeNotebook(uri, cells.length);
  });

  it('follows an edit of one cell: the model the earlier cells made keeps its rows, the emptied cell has none', async () => {
    const name = 'seed_cells.ipynb';
    const { cells, truth, lines } = recorded(name);
    const uri = nbUri(name);
    await client.openNotebook(uri, cells);
    const dense = truth.models[0].layers.find((l) => l.class === 'Dense')!;
    const [cell, line] = lines[dense.line - 1];
    const before = await client.hints(cellUri(uri, cell));
    assert.ok(before.some((h) => h.position.line === line - 1));
    await client.changeCell(uri, 2, cell, 2, '');
    assert.deepStrictEqual(await client.hints(cellUri(uri, cell)), []);
    const conv = truth.models[0].layers[0];
    const [convCell, convLine] = lines[conv.line - 1];
    const still = (await client.hints(cellUri(uri, convCell))).filter((h) => h.position.line === convLine - 1);
    assert.ok(still.map(labelText).includes(`→ ${kerasShapeText(conv.output_shape as Array<number | null>)}`));
    await client.closeNotebook(uri, cells.length);
  });

  it('keeps the program edit by edit: typing in one cell copies only what it touches, and answers as a fresh open', async () => {
    const name = NOTEBOOKS.reduce((a, b) =>
      recorded(a)
        .cells.map((c) => c.source)
        .join('').length >=
      recorded(b)
        .cells.map((c) => c.source)
        .join('').length
        ? a
        : b,
    );
    const { cells } = recorded(name);
    const codeCells = cells.flatMap((c, i) => (c.kind === 'code' ? [i] : []));
    const edited = codeCells[Math.floor(codeCells.length / 2)];
    const stats = new LspTestClient(undefined, { SHAPE_LENS_STATS: '1' });
    const fresh = new LspTestClient();
    const uri = nbUri(name);
    const hintsOf = (c: LspTestClient, u: string) => Promise.all(cells.map((_, i) => c.hints(cellUri(u, i))));
    try {
      await Promise.all([stats.initialize(), fresh.initialize()]);
      await stats.openNotebook(uri, cells);
      await hintsOf(stats, uri);
      type Counters = { notebooks: { analyses: number; copied: number } };
      const before = ((await stats.connection.sendRequest('shapeLens/stats')) as Counters).notebooks;
      // A statement typed character by character at the end of a middle cell, each state asked for its hints.
      const typed = '\nz = [1, 2, 3][0]';
      let version = 1;
      let source = cells[edited].source;
      for (let k = 1; k <= typed.length; k++) {
        source = cells[edited].source + typed.slice(0, k);
        version++;
        await stats.changeCell(uri, version, edited, version, source);
        await hintsOf(stats, uri);
      }
      const after = ((await stats.connection.sendRequest('shapeLens/stats')) as Counters).notebooks;
      assert.strictEqual(after.analyses - before.analyses, typed.length, 'one analysis per state');
      // Copying the program afresh on each edit would copy all its statements each time.
      const perEdit = (after.copied - before.copied) / typed.length;
      assert.ok(
        perEdit < 8 && perEdit < before.copied / 10,
        `${perEdit} statements copied per edit, ${before.copied} at open`,
      );
      const now = cells.map((c, i) => (i === edited ? { ...c, source } : c));
      const freshUri = nbUri(`fresh-${name}`);
      await fresh.openNotebook(freshUri, now);
      assert.deepStrictEqual(await hintsOf(stats, uri), await hintsOf(fresh, freshUri));
    } finally {
      await Promise.all([stats.shutdown(), fresh.shutdown()]);
    }
  });
});
