/**
 * Every program of the shared truth (and the project's own recorded ones)
 * against what Keras printed when it ran: one test per file.
 */

import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { loadPythonParser, type PythonParser } from '../../server/src/syntax/parser';
import { compareProgram, programFiles } from '../helpers/programs';
import { LOCAL_TRUTH, SHARED_TRUTH } from '../helpers/truth';

/**
 * Programs whose shapes depend on something Shape Lens does not model yet. For
 * these the test still requires every shape it gives to be Keras's and no
 * false error; only unknown rows are let pass.
 */
const NOT_MODELLED: Record<string, string> = {
  'book_dlwp_ch11_text_rank1_inference.py':
    "TensorFlow's own ops inside a custom layer's call (`tf.shape`, `tf.range`); the vocabulary size `adapt` learns",
};

/** Programs where the source does not tell what Keras saw when it ran them: unknown is the right answer there. */
const NOT_IN_THE_SOURCE: Record<string, string> = {
  'freeze_on_environment_flag.py': 'trainable counts depend on an environment variable',
  'tutorial_timeseries_transformer.py': 'the number of classes is `len(np.unique(y_train))` of random labels',
  'text_vectorization_and_lookups.py': 'vocabulary sizes that `adapt` learns from data',
};

/**
 * Shared programs recorded with `fit` as a no-op, where the file's real `fit` builds the model from its data:
 * each is tested by its `--real-fit` recording under test/truth/data-programs/ instead.
 */
const RECORDED_WITHOUT_FIT: Record<string, string> = {
  'imdb_embedding_lstm.py': 'imdb_embedding_lstm_real_fit.py',
};

const DIRS = [
  path.join(SHARED_TRUTH, 'programs'),
  path.join(SHARED_TRUTH, 'data-programs'),
  path.join(LOCAL_TRUTH, 'programs'),
  path.join(LOCAL_TRUTH, 'data-programs'),
].filter((d) => fs.existsSync(d));

for (const dir of DIRS) {
  describe(`program truth: ${path.relative(path.join(SHARED_TRUTH, '..', '..'), dir)}`, () => {
    let parser: PythonParser;
    before(async () => {
      parser = await loadPythonParser();
    });
    for (const file of programFiles(dir)) {
      const twin = dir === path.join(SHARED_TRUTH, 'programs') ? RECORDED_WITHOUT_FIT[path.basename(file)] : undefined;
      if (twin) {
        it(`${path.basename(file)} (its fit builds the model: tested as ${twin})`, () => {
          assert.ok(fs.existsSync(path.join(LOCAL_TRUTH, 'data-programs', twin)), `${twin} is recorded`);
        });
        continue;
      }
      const gap = NOT_MODELLED[path.basename(file)] ?? NOT_IN_THE_SOURCE[path.basename(file)];
      it(`${path.basename(file)}${gap ? ` (unknown allowed: ${gap})` : ''}`, () => {
        const problems = compareProgram(file, parser, gap !== undefined, dir.endsWith('data-programs'));
        assert.deepStrictEqual(problems, [], `${path.basename(file)} differs from Keras:\n  ${problems.join('\n  ')}`);
      });
    }
  });
}
