/**
 * Notebook cells read as IPython reads them: every cell of
 * test/truth/ipython/cells.py against what IPython's own TransformerManager
 * made of it (test/truth/ipython/transforms.json, recorded by record.py there),
 * and the line map of a whole notebook.
 */

import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { transformCell } from '../../server/src/analysis/ipythonSyntax';
import { cellPosition, notebookProgram, readNotebook, NotebookFormatError } from '../../server/src/analysis/notebook';
import { LOCAL_TRUTH } from '../helpers/truth';

interface Recorded {
  source: string;
  transformed?: string;
  error?: string;
  line_magics?: { line: number; name: string; args: string }[];
  cell_magic?: { name: string; line: string; body: string; body_record?: Recorded };
}

const RECORDED: {
  ipython: string;
  cells: Recorded[];
  runs_in_namespace: { cell: Record<string, boolean>; line: Record<string, boolean> };
} = JSON.parse(fs.readFileSync(path.join(LOCAL_TRUTH, 'ipython', 'transforms.json'), 'utf8'));

/** IPython's text: the lines it keeps, trailing line breaks aside. */
const ipythonText = (source: string, runMagicBodies = false) =>
  transformCell(source, { runMagicBodies })
    .filter((l) => l.kept)
    .map((l) => l.text)
    .join('\n')
    .replace(/\n+$/, '');
const trimEnd = (s: string) => s.replace(/\n+$/, '');

describe(`notebook cells read as IPython ${RECORDED.ipython} reads them`, () => {
  for (const rec of RECORDED.cells) {
    if (rec.transformed === undefined) continue;
    it(JSON.stringify(rec.source.slice(0, 60)), () => {
      assert.strictEqual(ipythonText(rec.source), trimEnd(rec.transformed!));
      // One output line per line of the cell, whatever IPython dropped or joined.
      assert.strictEqual(transformCell(rec.source).length, rec.source.split(/\r\n|\r|\n/).length);
    });
  }

  it('runs what IPython runs: the body of %%capture and %%time, the statement of %time, nothing of other cell magics', () => {
    let bodies = 0;
    let others = 0;
    for (const rec of RECORDED.cells) {
      if (rec.transformed === undefined) continue;
      const ours = transformCell(rec.source, { runMagicBodies: true })
        .filter((l) => l.kept && l.text !== '')
        .map((l) => l.text);
      assert.deepStrictEqual(ours, pythonThatRuns(rec), rec.source);
      if (rec.cell_magic) {
        if (runsBody(rec.cell_magic)) bodies++;
        else others++;
      }
    }
    assert.ok(bodies >= 5 && others >= 5, `${bodies} cells whose body runs, ${others} whose body does not`);
  });
});

describe("which magics run their code as the notebook's Python, as IPython runs them", () => {
  const code = '__ran__ = 1';
  for (const [magic, runs] of Object.entries(RECORDED.runs_in_namespace.cell)) {
    it(`%%${magic} ${runs ? 'runs' : 'does not run'} its body`, () => {
      const lines = transformCell(`%%${magic}\n${code}`, { runMagicBodies: true });
      assert.deepStrictEqual(
        lines.filter((l) => l.kept && l.text !== '').map((l) => l.text),
        runs ? [code] : [],
      );
    });
  }
  for (const [magic, runs] of Object.entries(RECORDED.runs_in_namespace.line)) {
    it(`%${magic} ${runs ? 'runs' : 'does not run'} its statement`, () => {
      const [line] = transformCell(`%${magic} ${code}`, { runMagicBodies: true });
      assert.strictEqual(line.text === code, runs, line.text);
      if (runs) assert.strictEqual(line.shift, `%${magic} `.length);
    });
  }
});

/** Cell magics IPython documents as running their body in the user's namespace, and when. */
function runsBody(m: NonNullable<Recorded['cell_magic']>): boolean {
  const recorded = Object.entries(RECORDED.runs_in_namespace.cell).find(([k]) => k.split(' ')[0] === m.name);
  if (!recorded?.[1]) return false;
  // `%%time STMT` with a body is a UsageError: nothing runs.
  return m.name !== 'time' || m.line.replace('--no-raise-error', '').trim() === '';
}

/**
 * The non-empty lines of Python that run for a recorded cell: IPython's text,
 * with a `%%capture`/`%%time` cell's body as IPython reads it in turn, other
 * cell magics running nothing, and each `%time X` as the X it runs.
 */
function pythonThatRuns(rec: Recorded): string[] {
  if (rec.cell_magic) {
    const body = rec.cell_magic.body_record;
    return runsBody(rec.cell_magic) && body ? pythonThatRuns(body) : [];
  }
  const lines = rec.transformed!.split('\n');
  for (const m of rec.line_magics ?? []) {
    if (m.name !== 'time') continue;
    const code = m.args.replace(/^--no-raise-error\s+/, '');
    if (!code.trim()) continue;
    const line = lines[m.line - 1];
    lines[m.line - 1] = line.slice(0, line.indexOf("get_ipython().run_line_magic('time', ")) + code;
  }
  return lines.filter((l) => l.trim() !== '');
}

describe('a notebook as one program', () => {
  const nb = (cells: Array<[string, string | string[]]>, metadata: unknown = {}) =>
    JSON.stringify(
      {
        nbformat: 4,
        nbformat_minor: 5,
        metadata,
        cells: cells.map(([cell_type, source]) => ({ cell_type, source, metadata: {} })),
      },
      null,
      1,
    );

  it('joins the code cells in order and maps each program line to its cell and line', () => {
    const cells = readNotebook(
      nb([
        ['markdown', '# Title\nsome text'],
        ['code', ['%matplotlib inline\n', 'import keras']],
        ['raw', 'model = broken('],
        ['code', '%%bash\necho hi'],
        ['code', '  x = 1\n  y = 2'],
      ]),
    );
    const p = notebookProgram(cells);
    assert.deepStrictEqual(p.text.split('\n'), [
      "get_ipython().run_line_magic('matplotlib', 'inline')",
      'import keras',
      '',
      '',
      'x = 1',
      'y = 2',
    ]);
    assert.deepStrictEqual(
      p.lines.map((l) => [l.cell, l.line]),
      [
        [1, 0],
        [1, 1],
        [3, 0],
        [3, 1],
        [4, 0],
        [4, 1],
      ],
    );
    assert.deepStrictEqual(cellPosition(p, 5, 4), { cell: 4, line: 1, column: 6 });
    assert.strictEqual(cellPosition(p, 6, 0), undefined);
  });

  it('knows where each source line is written in the file', () => {
    const json = nb([
      ['markdown', 'x'],
      ['code', ['a = 1\n', 'b = 2\n', 'c = 3']],
    ]);
    const cells = readNotebook(json);
    const fileLines = json.split('\n');
    assert.deepStrictEqual(
      cells[1].fileLines!.map((l) => fileLines[l].trim()),
      ['"a = 1\\n",', '"b = 2\\n",', '"c = 3"'],
    );
  });

  it('refuses what is not an nbformat 4 Python notebook, saying why', () => {
    const refuse = (text: string, why: RegExp) =>
      assert.throws(
        () => readNotebook(text),
        (e: Error) => e instanceof NotebookFormatError && why.test(e.message),
      );
    refuse('{"cells": [', /invalid JSON/);
    refuse('[1, 2]', /not an object/);
    refuse('{"cells": []}', /no "nbformat"/);
    refuse('{"nbformat": 3, "worksheets": []}', /nbformat 3 notebook: only nbformat 4/);
    refuse(nb([], { kernelspec: { language: 'R' } }), /a R notebook, not a Python one/);
    refuse('{"nbformat": 4, "cells": {}}', /no "cells" list/);
  });
});
