/**
 * Inlay hints as a function of the analysis: code the file never runs still
 * gets hints (without adding models to the summary), and a helper run
 * several times lists each distinct result. Shapes come from Keras truth.
 */

import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { analyze, diagnostics, inlayHints, summary } from '../../server/src/analysis';
import { loadPythonParser, type PythonParser } from '../../server/src/syntax/parser';
import { kerasShapeText, readProgramTruth } from '../helpers/programs';
import { SHARED_TRUTH } from '../helpers/truth';

const PROGRAMS = path.join(SHARED_TRUTH, 'programs');
const truthOf = (name: string) => readProgramTruth(path.join(PROGRAMS, `${name}.py`));
const formatShape = kerasShapeText;

describe('inlay hints', () => {
  let parser: PythonParser;
  before(async () => {
    parser = await loadPythonParser();
  });

  it('shows shapes inside a builder the file never calls, and lists no model for it', () => {
    const name = 'seed_conv2d_channels_last';
    const text = fs.readFileSync(path.join(PROGRAMS, `${name}.py`), 'utf8');
    // The same file without the lines that run it: Keras would build nothing.
    const uncalled = text.slice(0, text.indexOf('if __name__'));
    const a = analyze(uncalled, parser);
    assert.deepStrictEqual(summary(a), []);
    const hints = inlayHints(a);
    for (const row of truthOf(name).models[0].layers) {
      const h = hints.find((x) => x.line === row.line - 1 && x.kind === 'shape');
      assert.strictEqual(h?.label, `→ ${formatShape(row.output_shape as Array<number | null>)}`, `line ${row.line}`);
    }
  });

  it('lists each distinct result of a helper run several times: past three, the first two, … and the last', () => {
    const name = 'conv_block_helper';
    const a = analyze(fs.readFileSync(path.join(PROGRAMS, `${name}.py`), 'utf8'), parser);
    const byLine = new Map<number, string[]>();
    for (const row of truthOf(name).models[0].layers) {
      const shapes = byLine.get(row.line) ?? [];
      const s = formatShape(row.output_shape as Array<number | null>);
      if (!shapes.includes(s)) shapes.push(s);
      byLine.set(row.line, shapes);
    }
    const repeated = [...byLine.entries()].filter(([, shapes]) => shapes.length > 1);
    assert.ok(repeated.length > 0, 'the helper runs more than once');
    for (const [line, shapes] of repeated) {
      const h = inlayHints(a).find((x) => x.line === line - 1 && x.kind === 'shape');
      const shown = h?.label.slice(2).split(' | ') ?? [];
      assert.deepStrictEqual(
        shown,
        shapes.length > 3 ? [...shapes.slice(0, 2), '…', shapes[shapes.length - 1]] : shapes,
        `line ${line}`,
      );
    }
  });

  it('shows ? for the axis a Dense with units the source does not tell makes, and no total', () => {
    const name = 'seed_conv2d_channels_last';
    const text = fs.readFileSync(path.join(PROGRAMS, `${name}.py`), 'utf8');
    const dense = truthOf(name).models[0].layers.find((r) => r.class === 'Dense')!;
    const lines = text.split('\n');
    lines[dense.line - 1] = lines[dense.line - 1].replace(/Dense\([^,]+,/, 'Dense(int(sys.argv[1]),');
    const a = analyze(`import sys\n${lines.join('\n')}`, parser);
    const want = (dense.output_shape as Array<number | null>).slice(0, -1);
    const h = inlayHints(a).find((x) => x.line === dense.line && x.kind === 'shape');
    assert.strictEqual(h?.label, `→ (${[...want.map((d) => (d === null ? 'None' : String(d))), '?'].join(', ')})`);
    assert.ok(!inlayHints(a).some((x) => x.kind === 'params'), 'no parameter total');
    assert.deepStrictEqual(
      diagnostics(a).filter((d) => d.severity === 'error'),
      [],
    );
  });

  it('gives only the hints of the requested lines', () => {
    const a = analyze(fs.readFileSync(path.join(PROGRAMS, 'seed_models_1_and_2.py'), 'utf8'), parser);
    const all = inlayHints(a);
    const some = inlayHints(a, { startLine: 10, endLine: 12 });
    assert.ok(some.length > 0 && some.length < all.length);
    assert.ok(some.every((h) => h.line >= 10 && h.line <= 12));
    assert.deepStrictEqual(
      some,
      all.filter((h) => h.line >= 10 && h.line <= 12),
    );
  });
});
