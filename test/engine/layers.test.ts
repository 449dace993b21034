/**
 * Every recorded Keras layer case through the engine: one test per layer
 * class and truth file, listing that class's disagreements. Where Keras
 * raised, the engine must raise at the same stage (constructor or call) with
 * Keras's message word for word (`sameMessage` says what is not compared).
 */

import * as assert from 'assert';
import * as path from 'path';
import { answerCase, expectedOf, judge } from '../../server/src/analysis/layerCases';
import { loadPythonParser, type PythonParser } from '../../server/src/syntax/parser';
import { groupByClass, layerCaseFiles, loadLayerCases } from '../helpers/truth';

for (const file of layerCaseFiles()) {
  describe(`layer truth: ${path.basename(file)}`, () => {
    let parser: PythonParser;
    before(async () => {
      parser = await loadPythonParser();
    });
    for (const [layer, cases] of groupByClass(loadLayerCases(file))) {
      it(`${layer} (${cases.length} cases)`, () => {
        const problems: string[] = [];
        for (const c of cases) {
          const got = answerCase(c, parser);
          const v = judge(c, got);
          if (!(v.outcome && v.shape && v.params && v.stage && v.message)) {
            problems.push(
              `${c.id}: ${c.code} on ${JSON.stringify(c.input_shape ?? c.input_shapes)}\n    expected ${JSON.stringify(expectedOf(c))}\n    got      ${JSON.stringify(got)}`,
            );
          }
        }
        assert.deepStrictEqual(
          problems,
          [],
          `${problems.length} of ${cases.length} ${layer} cases disagree with Keras:\n  ${problems.join('\n  ')}`,
        );
      });
    }
  });
}
