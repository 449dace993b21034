/**
 * Hover on data, on every data program: a name holding an array shows the
 * shape NumPy gave it (`test/truth/data-hover/shapes.json`, recorded by
 * running each file), and hovering a data method's name lines the data up
 * against the model: the data column is what the call received, the model's
 * output column what Keras printed for the last row.
 */

import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { analyze, hover } from '../../server/src/analysis';
import { loadPythonParser, type PythonParser } from '../../server/src/syntax/parser';
import { kerasShapeText, readProgramTruth } from '../helpers/programs';
import { LOCAL_TRUTH, SHARED_TRUTH } from '../helpers/truth';

type Recorded = number[] | Recorded[] | { [key: string]: Recorded } | null;
interface ProgramShapes {
  names: Record<string, number[]>;
  calls: Array<{ line: number; method: string; x: Recorded; y: Recorded }>;
}

const SHAPES = JSON.parse(fs.readFileSync(path.join(LOCAL_TRUTH, 'data-hover', 'shapes.json'), 'utf8')) as Record<
  string,
  ProgramShapes
>;

function programPath(name: string): string {
  for (const dir of [path.join(SHARED_TRUTH, 'data-programs'), path.join(LOCAL_TRUTH, 'data-programs')]) {
    const p = path.join(dir, name);
    if (fs.existsSync(p)) return p;
  }
  throw new Error(`no program ${name}`);
}

/** The last line that binds `name` at the top level (`name = ...`, `a, name = ...`, `(name, b), c = ...`). */
function lastBinding(lines: string[], name: string): { line: number; col: number } | undefined {
  let found: { line: number; col: number } | undefined;
  const word = new RegExp(`(^|[^\\w.])${name}(?![\\w(\\[])`);
  lines.forEach((text, i) => {
    const eq = /^[^#=]*?[^=!<>]=(?!=)/.exec(text);
    if (!eq || /^\s/.test(text)) return;
    const lhs = text.slice(0, eq[0].length - 1);
    const m = word.exec(lhs);
    if (m) found = { line: i, col: m.index + m[1].length };
  });
  return found;
}

/** The rows of each table of a hover: its head and the model and data columns. */
function tables(markdown: string): Array<{ head: string; model: string[]; data: string[] }> {
  return markdown.split('\n\n').flatMap((block) => {
    const rows = block.split('\n').filter((r) => r.startsWith('|'));
    if (rows.length < 2) return [];
    const cells = rows.map((r) =>
      r
        .split('|')
        .slice(1, -1)
        .map((c) => c.trim()),
    );
    return [
      {
        head: cells[0][0],
        model: cells.slice(2).map((c) => c[1]),
        data: cells.slice(2).map((c) => c[2].replace(' ✗', '')),
      },
    ];
  });
}

const dims = (s: number[]) => s.map(String);
const dict = (r: Recorded): boolean => !!r && typeof r === 'object' && !Array.isArray(r);

describe('hover on data', () => {
  let parser: PythonParser;
  before(async () => {
    parser = await loadPythonParser();
  });

  it('shows the shape NumPy gives each array name', () => {
    const problems: string[] = [];
    let checked = 0;
    for (const [file, rec] of Object.entries(SHAPES)) {
      const text = fs.readFileSync(programPath(file), 'utf8');
      const lines = text.split('\n');
      const a = analyze(text, parser);
      for (const [name, shape] of Object.entries(rec.names)) {
        const at = lastBinding(lines, name);
        if (!at) continue;
        const h = hover(a, at.line, at.col + 1);
        const where = `${file}:${at.line + 1} ${name}`;
        if (!h || h.markdown.includes('not known statically')) continue;
        checked++;
        // A size the source does not tell (`?`, a CSV's rows) may stand for any; a size shown must be NumPy's.
        const shown = new RegExp(`^Array \`${name}\`: \`\\(([^)]*)\\)\``).exec(h.markdown)?.[1];
        const dims = shown
          ?.split(',')
          .map((d) => d.trim())
          .filter((d) => d !== '');
        if (!dims || dims.length !== shape.length || dims.some((d, i) => d !== '?' && d !== String(shape[i])))
          problems.push(`${where}: ${h.markdown.split('\n')[0]} (NumPy: ${kerasShapeText(shape)})`);
      }
    }
    assert.deepStrictEqual(problems, []);
    assert.ok(checked >= 60, `checked ${checked} names`);
  });

  it('lines the data of each call up against the model, axis by axis', () => {
    const problems: string[] = [];
    let checked = 0;
    for (const [file, rec] of Object.entries(SHAPES)) {
      const p = programPath(file);
      const text = fs.readFileSync(p, 'utf8');
      const lines = text.split('\n');
      const truth = readProgramTruth(p);
      const a = analyze(text, parser);
      for (const call of rec.calls) {
        const col = lines[call.line - 1].indexOf(`.${call.method}(`);
        if (col < 0) continue;
        const h = hover(a, call.line - 1, col + 2);
        const where = `${file}:${call.line} ${call.method}`;
        if (!h) {
          problems.push(`${where}: no hover`);
          continue;
        }
        const ts = tables(h.markdown);
        const single = (r: Recorded): r is number[] => Array.isArray(r) && r.every((d) => typeof d === 'number');
        const xs = single(call.x) ? [call.x] : Array.isArray(call.x) ? (call.x as Recorded[]) : [];
        const ys = single(call.y) ? [call.y] : Array.isArray(call.y) ? (call.y as Recorded[]) : [];
        const ins = ts.filter((t) => t.head.startsWith('input'));
        const outs = ts.filter((t) => t.head.startsWith('target'));
        // A table shown is the call's data in order, each column as NumPy has it (the lengths pad with —).
        const calls = { x: call.x, y: call.y };
        for (const [list, shown, side] of [
          [xs, ins, 'x'],
          [ys, outs, 'y'],
        ] as const) {
          shown.forEach((t, i) => {
            checked++;
            // A dict's part is its key's array; a list's, the array at its place.
            const key = /`([^`]*)`/.exec(t.head)?.[1];
            const want =
              dict(calls[side]) && key !== undefined ? (calls[side] as Record<string, Recorded>)[key] : list[i];
            if (!single(want)) return problems.push(`${where}: table ${t.head} for data NumPy did not have`);
            const got = t.data.filter((d) => d !== '—');
            if (got.length !== want.length || got.some((d, k) => d !== '?' && d !== String(want[k])))
              problems.push(`${where}: ${t.head} shows (${got}) for ${want}`);
          });
        }
        // The model's single output, against the last row Keras printed for the model the call ran on.
        const model = truth.models.find((m) => h.markdown.includes(`on \`${(m as { name?: string }).name}\``));
        const last = model?.layers.at(-1)?.output_shape;
        if (outs.length === 1 && Array.isArray(last) && last.every((d) => d === null || typeof d === 'number')) {
          const shown = outs[0].model.filter((d) => d !== '—').slice(1);
          const keras = (last as Array<number | null>).slice(1).map((d) => (d === null ? 'None' : String(d)));
          if (shown.join(',') !== keras.join(',') && !shown.includes('?'))
            problems.push(`${where}: model output (${shown}) against Keras's (${keras})`);
        }
      }
    }
    assert.deepStrictEqual(problems, []);
    assert.ok(checked >= 40, `checked ${checked} tables`);
  });

  it('names the axes as the model reads them, and only where the data fits it', () => {
    const file = programPath('data_channels_first_conv2d.py');
    const text = fs.readFileSync(file, 'utf8');
    const lines = text.split('\n');
    const a = analyze(text, parser);
    const fitLine = SHAPES['data_channels_first_conv2d.py'].calls[0].line - 1;
    const h = hover(a, fitLine, lines[fitLine].indexOf('fit') + 1);
    assert.ok(h);
    const [input] = tables(h.markdown);
    const names = h.markdown
      .split('\n')
      .slice(4, 8)
      .map((r) => r.split('|')[1].trim());
    // Keras's Conv2D reads channels last; the data column is what NumPy made.
    assert.deepStrictEqual(names, ['samples', 'rows', 'cols', 'channels']);
    assert.deepStrictEqual(input.data, dims(SHAPES['data_channels_first_conv2d.py'].calls[0].x as number[]));
    assert.strictEqual(
      h.markdown
        .split('\n')
        .slice(4, 8)
        .filter((r) => r.includes('✗')).length,
      2,
    );
    // The same data once transposed, as the fixed twin does, takes the model's names.
    const fixed = fs.readFileSync(programPath('data_channels_first_conv2d_fixed.py'), 'utf8');
    const fa = analyze(fixed, parser);
    const fl = fixed.split('\n');
    const at = lastBinding(fl, 'X')!;
    const x = hover(fa, at.line, at.col + 1)!;
    assert.match(x.markdown, /samples=200, rows=15, cols=15, channels=20/);
  });
});
