/**
 * End to end: the packaged .vsix installed into a real VS Code (code-server
 * 4.139 = VS Code 1.139, in Debian's Chromium driven by playwright-core),
 * checked on what a person sees: the inlay hints, a hover, an error squiggle
 * and its entry in the Problems panel, and the model view (its drawn boxes
 * and layers, read from the webview's DOM, following the cursor and edits). Screenshots go to test-results/screenshots/
 * (look at them after a run); with SHAPE_LENS_UPDATE_SCREENSHOTS=1 they also
 * replace the README's copies in docs/screenshots/.
 *
 * scripts/editor-setup.js installs what is missing (apt: chromium,
 * libkrb5-dev; npm, into .e2e/: Node 24, code-server, playwright-core). A cold
 * machine needs about 4 minutes for that, a warm one about a minute for this
 * whole file. One code-server and one page serve every test of a suite
 * (`editor/harness.ts`), so the tests run in the order written here, each
 * leaving the editor as the next expects it; they are in `editor/`, one file
 * per feature. `SHAPE_LENS_E2E=0` skips the suite.
 *
 * Expected values come from Keras (../shared/keras-truth/programs/*.truth.json)
 * or, for Shape Lens's own wording, from `shape-lens summary --json` at test time.
 */

import * as fs from 'fs';
import * as path from 'path';
import { LOCAL_TRUTH, REPO_ROOT, SHARED_TRUTH } from '../helpers/truth';
import { chineseTests } from './editor/chinese';
import { dataHoverTests } from './editor/dataHover';
import { diagnosticTests } from './editor/diagnostics';
import { BROKEN, CHANNELS_FIRST, EditorSession, NOTEBOOK, SEED } from './editor/harness';
import { hintAndHoverTests } from './editor/hintsAndHover';
import { installedExtensionTests } from './editor/installedExtension';
import { stubLanguagePack } from './editor/languagePack';
import { modelViewTests } from './editor/modelView';
import { notebookTests } from './editor/notebook';

describe('in the editor: the .vsix in code-server + Chromium', function () {
  // A cold machine installs Chromium and code-server first (about 4 minutes).
  this.timeout(30 * 60_000);
  const s = new EditorSession();

  before(async function () {
    // `SHAPE_LENS_E2E=0` leaves out the real-editor suite for quick local runs (it installs an editor
    // and a browser on first use); `npm test` and CI run it.
    if (process.env.SHAPE_LENS_E2E === '0') this.skip();
    const examples = path.join(REPO_ROOT, 'examples');
    await s.start({
      prefix: 'shape-lens-e2e-',
      files: [
        ...fs.readdirSync(examples).map((f) => path.join(examples, f)),
        path.join(SHARED_TRUTH, 'programs', `${BROKEN}.py`),
        path.join(LOCAL_TRUTH, 'notebooks', NOTEBOOK),
      ],
      open: SEED,
      browserArgs: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
      // `.ipynb` in VS Code's notebook editor (the built-in ipynb serializer), not as JSON text.
      codeServer: () => ({ settings: { 'workbench.editorAssociations': { '*.ipynb': 'jupyter-notebook' } } }),
    });
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed') await s.failedTest(this.currentTest.title);
  });

  after(() => s.stop({ printTimings: true }));

  hintAndHoverTests(s);
  diagnosticTests(s);
  modelViewTests(s);
  // After the model view's tests, which open the seed from the Explorer into the text editor.
  notebookTests(s);
  dataHoverTests(s);
  // Closes every editor: last but one.
  installedExtensionTests(s);
});

describe('in the editor with the display language zh-cn', function () {
  this.timeout(30 * 60_000);
  const s = new EditorSession();

  before(async function () {
    // As the suite above: `SHAPE_LENS_E2E=0` leaves out the real-editor tests.
    if (process.env.SHAPE_LENS_E2E === '0') this.skip();
    await s.start({
      prefix: 'shape-lens-e2e-zh-',
      files: [path.join(REPO_ROOT, 'examples', CHANNELS_FIRST)],
      open: CHANNELS_FIRST,
      browserArgs: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
      ],
      codeServer: (work) => {
        const pack = stubLanguagePack(work);
        fs.mkdirSync(path.join(work, 'ud'), { recursive: true });
        fs.writeFileSync(
          path.join(work, 'ud', 'languagepacks.json'),
          JSON.stringify(pack.record(path.join(work, 'ext'))),
        );
        return { locale: 'zh-cn', extensions: [pack.vsix] };
      },
    });
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed') await s.failedTest(this.currentTest.title);
  });

  after(() => s.stop());

  chineseTests(s);
});
