/**
 * Hover as a function of the analysis, on every shared truth program: over
 * a layer's constructor it names the layer and shows the output shape and
 * parameter count Keras printed for that row, or says it cannot tell.
 */

import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { analyze, hover } from '../../server/src/analysis';
import { loadPythonParser, type PythonParser } from '../../server/src/syntax/parser';
import { kerasShapeText, programFiles, readProgramTruth } from '../helpers/programs';
import { SHARED_TRUTH } from '../helpers/truth';

const formatShape = kerasShapeText;

describe('hover on truth programs', () => {
  let parser: PythonParser;
  before(async () => {
    parser = await loadPythonParser();
  });

  it('shows Keras’s output shape and parameter count for every layer row', () => {
    let checked = 0;
    const problems: string[] = [];
    for (const file of programFiles(path.join(SHARED_TRUTH, 'programs'))) {
      const truth = readProgramTruth(file);
      const text = fs.readFileSync(file, 'utf8');
      const lines = text.split('\n');
      const a = analyze(text, parser);
      for (const m of truth.models) {
        // Only rows alone on their line with their class written there, so the position is unambiguous.
        const counts = new Map<number, number>();
        for (const r of m.layers) counts.set(r.line, (counts.get(r.line) ?? 0) + 1);
        for (const r of m.layers) {
          const col = lines[r.line - 1]?.indexOf(`${r.class}(`) ?? -1;
          if (
            counts.get(r.line) !== 1 ||
            col < 0 ||
            !Array.isArray(r.output_shape) ||
            Array.isArray((r.output_shape as unknown[])[0])
          )
            continue;
          const h = hover(a, r.line - 1, col + 1);
          const where = `${path.basename(file)}:${r.line} ${r.class}`;
          if (!h) {
            problems.push(`${where}: no hover`);
            continue;
          }
          checked++;
          if (!h.markdown.includes(`**${r.class}**`)) problems.push(`${where}: hover does not name ${r.class}`);
          // Unknown is allowed (then the hover says so); a wrong shape or count is not.
          if (h.markdown.includes('Output: not known statically')) continue;
          if (!h.markdown.includes(`\`${formatShape(r.output_shape as Array<number | null>)}\``))
            problems.push(`${where}: hover lacks ${formatShape(r.output_shape as Array<number | null>)}`);
          if (r.params > 0 && !h.markdown.includes(r.params.toLocaleString('en-US')))
            problems.push(`${where}: hover lacks ${r.params} parameters`);
        }
      }
    }
    assert.deepStrictEqual(problems, []);
    assert.ok(checked > 100, `checked ${checked} rows`);
  });
});
