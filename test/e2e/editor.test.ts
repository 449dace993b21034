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
 * whole file. One code-server and one page serve every test below.
 * `SHAPE_LENS_E2E=0` skips the suite.
 *
 * Expected values come from Keras (../shared/keras-truth/programs/*.truth.json)
 * or, for Shape Lens's own wording, from `shape-lens summary --json` at test time.
 */

import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ensureAll, startCodeServer, type CodeServer } from '../../scripts/editor-setup';
import { packageVsix } from '../../scripts/package';
import { LOCAL_TRUTH, REPO_ROOT, SHARED_TRUTH } from '../helpers/truth';

// playwright-core lives in the e2e cache, not in node_modules, so its types are not visible here.
/* eslint-disable @typescript-eslint/no-explicit-any */
type Browser = any;
type Page = any;
type Locator = any;

const SCREENSHOTS = path.join(REPO_ROOT, 'test-results', 'screenshots');
const README_SCREENSHOTS = path.join(REPO_ROOT, 'docs', 'screenshots');
/** The first hint needs 30-40 s on a busy 2-core machine; leave room. */
const FIRST_PAINT_MS = 180_000;
const WAIT_MS = 60_000;

const SEED = 'seed_model2.py';
const SEED_TRUTH = 'seed_conv2d_channels_last';
const BROKEN = 'fail_lstm_2d_input';
/** The seed as the learner wrote it: its input (20, 15, 15) is channels-first. */
const CHANNELS_FIRST = 'seed_model2_channels_first_input.py';
/** examples/unet.py, recorded with Keras as test/truth/programs/example_unet.py. */
const UNET = 'unet.py';
const UNET_TRUTH = path.join(REPO_ROOT, 'test', 'truth', 'programs', 'example_unet');
/** A notebook whose model is begun in one cell and extended in later ones, recorded with Keras (test/truth/notebooks/). */
const NOTEBOOK = 'seed_cells.ipynb';
/**
 * The seed's real mistake: data built channels first, (N, 20, 15, 15), fed to a model on (15, 15, 20);
 * examples/seed_data_channels_first.py, recorded with Keras in test/truth/data-programs/.
 */
const DATA_SEED = 'seed_data_channels_first';
const DATA_SEED_TRUTH = path.join(LOCAL_TRUTH, 'data-programs', `example_${DATA_SEED}`);

interface TruthLayer {
  line: number;
  class: string;
  name: string;
  output_shape: (number | null)[] | null;
  params: number | null;
}
interface TruthProgram {
  models: { line: number; name: string; layers: TruthLayer[]; total_params: number | null }[];
  error: { line: number; type: string; message: string } | null;
}
interface CliFinding {
  line: number;
  column: number;
  endLine: number;
  severity: 'error' | 'warning' | 'info';
  code: string;
  message: string;
}

function truth(name: string): TruthProgram {
  const file = path.isAbsolute(name) ? name : path.join(SHARED_TRUTH, 'programs', name);
  return JSON.parse(fs.readFileSync(`${file}.truth.json`, 'utf8'));
}

/** Keras's graph of each functional model of the example (test/truth/connections/): per row, its calls' inputs. */
function connections(key: string): Array<{ line: number; connections: number[][][][] }> {
  const all = JSON.parse(
    fs.readFileSync(path.join(REPO_ROOT, 'test', 'truth', 'connections', 'connections.json'), 'utf8'),
  );
  return all[key];
}

/** A shape as Keras prints it: `(None, 15, 15, 12)`, `(5,)`. */
function pyShape(shape: (number | null)[]): string {
  const dims = shape.map((d) => (d === null ? 'None' : String(d)));
  return dims.length === 1 ? `(${dims[0]},)` : `(${dims.join(', ')})`;
}

function cliFindings(file: string): CliFinding[] {
  const r = spawnSync(process.execPath, [path.join(REPO_ROOT, 'bin', 'shape-lens.js'), 'summary', file, '--json'], {
    encoding: 'utf8',
  });
  // 1: Keras would raise in the file (the broken program).
  assert.ok(r.status === 0 || r.status === 1, r.stderr);
  return JSON.parse(r.stdout)[0].diagnostics;
}

const text = (s: string | null): string => (s ?? '').replace(/\u00a0/g, ' ').trim();
/** A pattern for exactly `s`, any space in it matching the NBSP the editor renders. */
const exactly = (s: string): RegExp =>
  new RegExp(`^\\s*${s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s')}\\s*$`);

/** The 1-based line of an element inside an editor's text or overlay layer: its row's `top` matched to the gutter. */
async function lineOf(el: Locator): Promise<number> {
  const n = await el.evaluate((e: any) => {
    // The editor may re-render between finding the element and reading it: a detached one has no line.
    const editorElement = e.closest('.monaco-editor');
    const row = e.closest('.view-line') ?? e.parentElement;
    if (!editorElement || !row) return undefined;
    const top = row.style.top;
    const gutter = [...editorElement.querySelectorAll('.margin-view-overlays > div')] as any[];
    return gutter.find((d) => d.style.top === top)?.textContent.trim();
  });
  return n === undefined ? NaN : Number(n);
}

/** Every inlay hint on screen, as [line, text]. Hints are injected `dyn-rule-*` spans; the padding spacer is empty. */
async function hintsOnScreen(editor: Locator): Promise<[number, string][]> {
  const hints = editor.locator('.view-line span[class*="dyn-rule-"]', { hasText: /\S/ });
  const out: [number, string][] = [];
  for (const h of await hints.all()) out.push([await lineOf(h), text(await h.textContent())]);
  return out.sort((a, b) => a[0] - b[0]);
}

async function screenshot(page: Page, name: string, { readme = true } = {}): Promise<void> {
  // Not while the status bar still says "Activating Extensions...".
  await page
    .locator('.statusbar-item', { hasText: 'Activating Extensions' })
    .waitFor({ state: 'hidden', timeout: WAIT_MS });
  // Not while a hover still fades in (its animations running; the picture would show it pale).
  await page.waitForFunction(
    () =>
      [...(globalThis as any).document.querySelectorAll('.monaco-hover:not(.hidden)')].every((h: any) =>
        h
          .getAnimations({ subtree: true })
          .every((a: any) => a.playState !== 'running' || a.effect?.getComputedTiming().iterations === Infinity),
      ),
    undefined,
    { timeout: WAIT_MS },
  );
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, name) });
  if (readme && process.env.SHAPE_LENS_UPDATE_SCREENSHOTS === '1') {
    fs.mkdirSync(README_SCREENSHOTS, { recursive: true });
    fs.copyFileSync(path.join(SCREENSHOTS, name), path.join(README_SCREENSHOTS, name));
  }
}

describe('in the editor: the .vsix in code-server + Chromium', function () {
  // A cold machine installs Chromium and code-server first (about 4 minutes).
  this.timeout(30 * 60_000);

  let work = '';
  let workspace = '';
  let server: CodeServer | undefined;
  let browser: Browser | undefined;
  let page: Page;
  let ready = false;
  let failed = false;
  let gotoAt = 0;
  const timings: Record<string, string> = {};
  const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;

  before(async function () {
    // `SHAPE_LENS_E2E=0` leaves out the real-editor suite for quick local runs (it installs an editor
    // and a browser on first use); `npm test` and CI run it.
    if (process.env.SHAPE_LENS_E2E === '0') this.skip();
    let t = Date.now();
    const tools = ensureAll();
    timings.setup = seconds(Date.now() - t);
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'shape-lens-e2e-'));
    // Into the suite's own folder: another run may be packaging at the repository root right now.
    t = Date.now();
    const vsix = packageVsix({ out: path.join(work, 'shape-lens.vsix'), quiet: true });
    timings.package = seconds(Date.now() - t);

    workspace = path.join(work, 'examples');
    fs.mkdirSync(workspace);
    for (const f of fs.readdirSync(path.join(REPO_ROOT, 'examples')))
      fs.copyFileSync(path.join(REPO_ROOT, 'examples', f), path.join(workspace, f));
    fs.copyFileSync(path.join(SHARED_TRUTH, 'programs', `${BROKEN}.py`), path.join(workspace, `${BROKEN}.py`));
    fs.copyFileSync(path.join(LOCAL_TRUTH, 'notebooks', NOTEBOOK), path.join(workspace, NOTEBOOK));

    t = Date.now();
    server = await startCodeServer({
      dir: work,
      workspace,
      vsix,
      codeServer: tools,
      // `.ipynb` in VS Code's notebook editor (the built-in ipynb serializer), not as JSON text.
      settings: { 'workbench.editorAssociations': { '*.ipynb': 'jupyter-notebook' } },
    });
    timings.install = seconds(server.installMs);
    timings.serverStart = seconds(Date.now() - t - server.installMs);

    const { chromium } = require(tools.playwrightCore);
    browser = await chromium.launch({
      executablePath: tools.executablePath,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
      env: { ...process.env, TMPDIR: path.join(work, 'xdg') },
    });
    page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
    gotoAt = Date.now();
    await page.goto(server.urlFor(path.join(workspace, SEED)));
    ready = true;
  });

  afterEach(async function () {
    if (this.currentTest?.state !== 'failed') return;
    failed = true;
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    await page
      ?.screenshot({ path: path.join(SCREENSHOTS, `failed-${this.currentTest.title.slice(0, 40)}.png`) })
      .catch(() => undefined);
  });

  after(async function () {
    try {
      await browser?.close();
    } finally {
      await server?.stop();
      const times = Object.entries(timings);
      if (times.length) console.log(`      e2e timings: ${times.map(([k, v]) => `${k} ${v}`).join(', ')}`);
      if (work && (failed || !ready)) console.log(`      e2e: kept ${work} (server.log, ud/logs/) for inspection`);
      else if (work) fs.rmSync(work, { recursive: true, force: true });
    }
  });

  const editor = (): Locator => page.locator('.editor-instance .monaco-editor').first();

  it("shows each layer's output shape at the end of its line, as Keras computes it", async () => {
    const program = truth(SEED_TRUTH);
    const model = program.models[0];
    await editor().locator('.view-lines', { hasText: 'class Model2' }).waitFor({ timeout: FIRST_PAINT_MS });
    // The seed's Conv2D line: `→ (None, 15, 15, 12)`, wherever the hint text is exactly that.
    const conv = model.layers[0];
    assert.strictEqual(conv.class, 'Conv2D');
    const expected = `→ ${pyShape(conv.output_shape!)}`;
    await editor()
      .locator('.view-line span[class*="dyn-rule-"]', { hasText: exactly(expected) })
      .first()
      .waitFor({ timeout: FIRST_PAINT_MS });
    timings.firstHint = seconds(Date.now() - gotoAt);
    // Every layer of the model, and the model's parameter total after `Sequential()`.
    const last = model.layers[model.layers.length - 1];
    await editor()
      .locator('.view-line span[class*="dyn-rule-"]', { hasText: `→ ${pyShape(last.output_shape!)}` })
      .first()
      .waitFor({ timeout: WAIT_MS });
    const totalLabel = `${model.total_params!.toLocaleString('en-US')} params`;
    await editor()
      .locator('.view-line span[class*="dyn-rule-"]', { hasText: totalLabel })
      .first()
      .waitFor({ timeout: WAIT_MS });

    const hints = await hintsOnScreen(editor());
    const wanted: [number, string][] = [
      [model.line, totalLabel],
      ...model.layers.map((l): [number, string] => [l.line, `→ ${pyShape(l.output_shape!)}`]),
    ];
    assert.deepStrictEqual(
      hints,
      wanted.sort((a, b) => a[0] - b[0]),
    );
    assert.deepStrictEqual(
      hints.filter(([line]) => line === conv.line).map(([, t]) => t),
      [expected],
    );
    // Without the side bar the long Conv2D line and its hint fit on screen.
    await page.keyboard.press('Control+B');
    await page.locator('.part.sidebar').waitFor({ state: 'hidden', timeout: WAIT_MS });
    await editor()
      .locator('.view-line span[class*="dyn-rule-"]', { hasText: exactly(expected) })
      .first()
      .waitFor({ timeout: WAIT_MS });
    await screenshot(page, 'inlay-hints.png');
  });

  it('hovering Conv2D shows its shapes and the parameter formula', async () => {
    const conv = truth(SEED_TRUTH).models[0].layers[0];
    const line = editor().locator('.view-line', { hasText: 'Conv2D(12' });
    assert.strictEqual(await lineOf(line.locator('span').first()), conv.line);
    await line
      .locator('span', { hasText: /^Conv2D$/ })
      .first()
      .hover();
    const hover = page
      .locator('.monaco-hover:not(.hidden) .markdown-hover .rendered-markdown', { hasText: 'Parameters' })
      .first();
    await hover.waitFor({ timeout: WAIT_MS });
    const shown = text(await hover.innerText());
    assert.match(shown, /^Conv2D conv2d/);
    assert.ok(shown.includes(`Output: ${pyShape(conv.output_shape!)}`), shown);
    // `(3·3·20 + 1)·12 = 2,172`: a kernel·kernel·channels formula whose value is Keras's count.
    const m = /Parameters: \((\d+)·(\d+)·(\d+) \+ 1\)·(\d+) = ([\d,]+)/.exec(shown);
    assert.ok(m, shown);
    const [kh, kw, channels, filters] = m.slice(1, 5).map(Number);
    assert.strictEqual(m[5], conv.params!.toLocaleString('en-US'));
    assert.strictEqual((kh * kw * channels + 1) * filters, conv.params);
    assert.strictEqual(filters, conv.output_shape!.at(-1));
    await screenshot(page, 'hover.png');
  });

  it('squiggles a broken file on the line where Keras raises, with the message in the hover and the Problems panel', async () => {
    const program = truth(BROKEN);
    assert.ok(program.error, `${BROKEN} is a failing program`);
    const errors = cliFindings(path.join(workspace, `${BROKEN}.py`)).filter((f) => f.severity === 'error');
    assert.strictEqual(errors.length, 1, JSON.stringify(errors));
    const [error] = errors;
    assert.strictEqual(error.line, program.error.line);

    await page.keyboard.press('Escape');
    await page.mouse.move(5, 400);
    await page.keyboard.press('Control+B');
    await page.locator('.part.sidebar').waitFor({ state: 'visible', timeout: WAIT_MS });
    await page.locator('.explorer-folders-view .monaco-list-row', { hasText: `${BROKEN}.py` }).click();
    await page.locator('.tabs-container .tab.active', { hasText: `${BROKEN}.py` }).waitFor({ timeout: WAIT_MS });
    await editor().locator('.view-lines', { hasText: 'forgot to reshape' }).waitFor({ timeout: WAIT_MS });

    const squiggles = editor().locator('.view-overlays .cdr.squiggly-error');
    await squiggles.first().waitFor({ timeout: WAIT_MS });
    const lines = new Set<number>();
    for (const s of await squiggles.all()) lines.add(await lineOf(s));
    assert.deepStrictEqual([...lines], [program.error.line]);

    // Hover on the squiggled call: the diagnostic's message.
    await editor()
      .locator('.view-line', { hasText: 'model.add(LSTM(' })
      .locator('span', { hasText: /^LSTM$/ })
      .first()
      .hover();
    const marker = page
      .locator('.monaco-hover:not(.hidden) .marker.hover-contents', { hasText: error.message })
      .first();
    await marker.waitFor({ timeout: WAIT_MS });
    assert.ok(text(await marker.innerText()).includes(error.message));

    // The Problems panel lists it at its line and column.
    await page.mouse.move(5, 400);
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+Shift+M');
    const row = page.locator('.markers-panel .monaco-list-row[aria-level="2"]', { hasText: error.message }).first();
    await row.waitFor({ timeout: WAIT_MS });
    assert.strictEqual(
      text(await row.locator('.marker-line').textContent()),
      `[Ln ${error.line}, Col ${error.column}]`,
    );
    assert.match(String(await row.getAttribute('aria-label')), /^Error: /);
    await screenshot(page, 'broken-file.png');
  });

  it("applies the seed's channels-first quick fix from the light-bulb menu, and the warning goes", async () => {
    const file = path.join(workspace, CHANNELS_FIRST);
    const [warning] = cliFindings(file).filter((f) => f.code === 'channels-first-input');
    assert.ok(warning, `${CHANNELS_FIRST} has the channels-first warning`);
    const conv = truth(SEED_TRUTH).models[0].layers[0];
    // The Problems panel (focused by the test above) closes; it is opened again at the end.
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+Shift+M');
    await page.locator('.markers-panel').waitFor({ state: 'hidden', timeout: WAIT_MS });
    await page.mouse.move(5, 400);
    await openFromExplorer(CHANNELS_FIRST, 'class Model2');
    await editor().locator('.view-line', { hasText: 'import numpy' }).click();
    await page.keyboard.press('Control+Home');
    await page.keyboard.press('Control+B');
    await page.locator('.part.sidebar').waitFor({ state: 'hidden', timeout: WAIT_MS });
    // The lines of the squiggles, read again while the editor re-renders under them.
    const warnedLines = async (): Promise<number[]> => {
      for (;;) {
        const lines: number[] = [];
        for (const s of await editor().locator('.view-overlays .cdr.squiggly-warning').all())
          lines.push(await lineOf(s));
        if (!lines.some(Number.isNaN)) return lines;
        await page.waitForTimeout(100);
      }
    };
    await editor().locator('.view-overlays .cdr.squiggly-warning').first().waitFor({ timeout: WAIT_MS });
    assert.ok((await warnedLines()).includes(warning.line));
    // The cursor on the warning: the light bulb shows; its menu lists the fixes.
    await goToLine(warning.line, warning.column);
    const bulb = page.locator('.lightBulbWidget .codicon, .codicon-lightbulb-autofix, .codicon-lightbulb').first();
    await bulb.waitFor({ timeout: WAIT_MS });
    await bulb.click();
    const menu = page.locator('.action-widget');
    const fix = menu.locator('.monaco-list-row', { hasText: 'Give the input channels-last: (15, 15, 20)' }).first();
    await fix.waitFor({ timeout: WAIT_MS });
    const titles = (await menu.locator('.monaco-list-row .title').allTextContents()).map((t: string) => text(t));
    assert.ok(
      titles.some((t: string) => t.startsWith('Keep the data channels-first: data_format="channels_first"')),
      JSON.stringify(titles),
    );
    assert.ok(titles[0].includes('np.transpose(x, (0, 2, 3, 1))'), JSON.stringify(titles));
    await screenshot(page, 'quick-fix.png');
    await fix.click();
    // The shape written channels-last: the warning is gone, and the layer has the shapes Keras built for the seed.
    await editor().locator('.view-line', { hasText: 'input_shape=(15, 15, 20)' }).waitFor({ timeout: WAIT_MS });
    await editor()
      .locator('.view-line span[class*="dyn-rule-"]', { hasText: exactly(`→ ${pyShape(conv.output_shape!)}`) })
      .first()
      .waitFor({ timeout: WAIT_MS });
    const deadline = Date.now() + WAIT_MS;
    while ((await warnedLines()).includes(warning.line)) {
      if (Date.now() > deadline) throw new Error(`the warning stays on line ${warning.line}`);
      await page.waitForTimeout(100);
    }
    await screenshot(page, 'quick-fix-applied.png');
    await page.keyboard.press('Control+Z');
    await editor().locator('.view-line', { hasText: 'input_shape=(20, 15, 15)' }).waitFor({ timeout: WAIT_MS });
    await page.keyboard.press('Control+B');
    await page.locator('.part.sidebar').waitFor({ state: 'visible', timeout: WAIT_MS });
    await page.keyboard.press('Control+Shift+M');
    await page.locator('.markers-panel').waitFor({ state: 'visible', timeout: WAIT_MS });
  });

  /** The model view's page: the webview's iframe, and the page inside it. */
  const view = (): Locator => page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');

  async function runCommand(title: string): Promise<void> {
    await page.keyboard.press('F1');
    const input = page.locator('.quick-input-widget .quick-input-box input');
    await input.waitFor({ timeout: WAIT_MS });
    await input.fill(`>${title}`);
    await page
      .locator('.quick-input-widget .monaco-list-row', { hasText: title })
      .first()
      .waitFor({ timeout: WAIT_MS });
    await page.keyboard.press('Enter');
  }

  async function openFromExplorer(name: string, shown: string): Promise<void> {
    if (!(await page.locator('.part.sidebar').isVisible())) {
      await editor().locator('.view-lines').click();
      await page.keyboard.press('Control+B');
    }
    await page.locator('.explorer-folders-view .monaco-list-row', { hasText: name }).first().click();
    await page.locator('.tabs-container .tab.active', { hasText: name }).waitFor({ timeout: WAIT_MS });
    await editor().locator('.view-lines', { hasText: shown }).waitFor({ timeout: WAIT_MS });
  }

  /** Moves the editor's cursor to a 1-based line, and column (Go to Line). */
  async function goToLine(line: number, column?: number): Promise<void> {
    await editor().locator('.view-lines').click();
    await page.keyboard.press('Control+G');
    const input = page.locator('.quick-input-widget .quick-input-box input');
    await input.waitFor({ timeout: WAIT_MS });
    await input.fill(column ? `:${line}:${column}` : `:${line}`);
    await page.keyboard.press('Enter');
    await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: WAIT_MS });
  }

  /** Waits until the editor shows its lines from column 1 (it scrolls sideways to reveal a cursor). */
  async function scrolledToLeftEdge(): Promise<void> {
    const deadline = Date.now() + WAIT_MS;
    for (;;) {
      const left = await editor().evaluate((e: any) => e.querySelector('.lines-content').style.left);
      if (left === '0px' || left === '') return;
      if (Date.now() > deadline) throw new Error(`the editor stays scrolled sideways (${left})`);
      await page.waitForTimeout(100);
    }
  }

  interface DrawnBox {
    shape: string;
    axes: string[];
    tag: string;
    y: number;
  }

  /** The tensor boxes the view drew, top to bottom: the shape text, the axis names, the input/output tag. */
  async function drawnBoxes(): Promise<DrawnBox[]> {
    const boxes: DrawnBox[] = [];
    for (const g of await view().locator('svg.flow g.tensor').all()) {
      const box = await g.boundingBox();
      boxes.push({
        shape: text(await g.locator('text.shape').textContent()),
        axes: (await g.locator('text.axes tspan').allTextContents()).map((a: string) => text(a)),
        tag: (await g.locator('text.tag').count()) ? text(await g.locator('text.tag').textContent()) : '',
        y: box.y,
      });
    }
    return boxes.sort((a, b) => a.y - b.y);
  }

  /** The layer labels, top to bottom: `Conv2D conv2d · 2,172 params`. */
  async function drawnLayers(): Promise<string[]> {
    const out: Array<[number, string]> = [];
    for (const g of await view().locator('svg.flow g.layer').all())
      out.push([(await g.boundingBox()).y, text(await g.locator('text').first().textContent())]);
    return out.sort((a, b) => a[0] - b[0]).map(([, t]) => t);
  }

  const layerLabel = (l: TruthLayer): string =>
    `${l.class} ${l.name}${l.params ? ` · ${l.params.toLocaleString('en-US')} param${l.params === 1 ? '' : 's'}` : ''}`;

  /** Lets the page settle (the drawing of a new answer replaces the old) before a screenshot. */
  async function viewShows(model: string): Promise<void> {
    await view()
      .locator('.toolbar .title', { hasText: exactly(model) })
      .waitFor({ timeout: WAIT_MS });
    await view().locator('svg.flow g.tensor').first().waitFor({ timeout: WAIT_MS });
  }

  it('Show Model Summary draws the seed model beside the editor: a box per tensor with its shape and axes, a label per layer', async () => {
    const model = truth(SEED_TRUTH).models[0];
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+Shift+M'); // the Problems panel, opened above, closes
    await page.locator('.markers-panel').waitFor({ state: 'hidden', timeout: WAIT_MS });
    await openFromExplorer(SEED, 'class Model2');
    await goToLine(model.layers[0].line);
    await runCommand('Shape Lens: Show Model Summary');
    await viewShows(model.name);
    timings.modelView = seconds(Date.now() - gotoAt);

    const boxes = await drawnBoxes();
    // The input, then each layer's output as Keras printed it, in order down the chain.
    assert.deepStrictEqual(
      boxes.slice(1).map((b) => b.shape),
      model.layers.map((l) => pyShape(l.output_shape!)),
    );
    assert.strictEqual(boxes[0].tag, 'input');
    assert.strictEqual(boxes.at(-1)!.tag, 'output');
    assert.deepStrictEqual(boxes[1].axes, ['batch', 'rows', 'cols', 'channels']);
    assert.deepStrictEqual(await drawnLayers(), model.layers.map(layerLabel));
    // The summary table beside it, and the layer on the cursor's line marked.
    const rows = await view().locator('table.summary tbody tr').allTextContents();
    assert.deepStrictEqual(
      rows.map((r: string) => text(r)),
      model.layers.map((l) => `${l.name} (${l.class})${pyShape(l.output_shape!)}${l.params!.toLocaleString('en-US')}`),
    );
    assert.strictEqual(
      text(await view().locator('g.layer.current text').first().textContent()),
      layerLabel(model.layers[0]),
    );
    await editor().locator('.view-lines').click();
    await page.keyboard.press('Control+B');
    await page.locator('.part.sidebar').waitFor({ state: 'hidden', timeout: WAIT_MS });
    // The code from its left edge, the cursor on the first Conv2D (its label marked in the view).
    await goToLine(model.layers[0].line);
    await page.keyboard.press('Home');
    await scrolledToLeftEdge();
    await view().locator('g.layer.current').first().waitFor({ timeout: WAIT_MS });
    await screenshot(page, 'model-view-seed.png');
  });

  it('follows the editor to the U-Net: its skip connections drawn as Keras connects them', async () => {
    const [unet] = truth(UNET_TRUTH).models;
    await openFromExplorer(UNET, 'def build_unet');
    await viewShows(unet.name);
    const boxes = await drawnBoxes();
    // One tensor per rank from the input down: the rows' shapes in Keras's order.
    assert.deepStrictEqual(
      boxes.map((b) => b.shape),
      unet.layers.map((l) => pyShape(l.output_shape!)),
    );
    assert.deepStrictEqual(await drawnLayers(), unet.layers.slice(1).map(layerLabel));
    // An arrow into each layer from each tensor it takes, and one out to the tensor it gives.
    const graph = connections('local/example_unet').find((m) => m.line === unet.line)!;
    const arrows = graph.connections.reduce((n, calls) => n + calls.reduce((k, c) => k + c.length + 1, 0), 0);
    assert.strictEqual(await view().locator('svg.flow path.arrow').count(), arrows);
    assert.strictEqual(
      graph.connections.filter((calls) => calls.some((c) => c.length === 2)).length,
      2,
      'two merges in the recording',
    );
    if (await page.locator('.part.sidebar').isVisible()) {
      await editor().locator('.view-lines').click();
      await page.keyboard.press('Control+B');
    }
    await goToLine(unet.layers[6].line);
    await page.keyboard.press('Home');
    await scrolledToLeftEdge();
    await view().locator('g.layer.current').first().waitFor({ timeout: WAIT_MS });
    // The whole U-Net at full size: a window tall enough for this picture.
    const drawing = await view().locator('svg.flow').boundingBox();
    await page.setViewportSize({ width: 1400, height: Math.min(1800, Math.ceil(drawing.y + drawing.height + 40)) });
    await view().locator('svg.flow g.tensor.output').waitFor({ timeout: WAIT_MS });
    await screenshot(page, 'model-view-unet.png');
    await page.setViewportSize({ width: 1400, height: 860 });
  });

  it('follows the cursor to the other model of the file, and redraws after an edit keeping its zoom', async () => {
    const classifier = truth(UNET_TRUTH).models[1];
    const merge = classifier.layers.find((l) => l.class === 'Concatenate')!;
    await goToLine(merge.line);
    await viewShows(classifier.name);
    const boxes = await drawnBoxes();
    const inputs = classifier.layers.filter((l) => l.class === 'InputLayer');
    assert.deepStrictEqual(
      boxes
        .filter((b) => b.tag.startsWith('input'))
        .map((b) => [b.tag, b.shape])
        .sort(),
      inputs.map((l) => [`input · ${l.name}`, pyShape(l.output_shape!)]).sort(),
    );
    assert.strictEqual(text(await view().locator('g.layer.current text').first().textContent()), layerLabel(merge));
    await view().locator('.zoom button[title="Zoom out"]').click();
    const zoom = text(await view().locator('.zoom-level').textContent());
    assert.notStrictEqual(zoom, '100%');

    // Rename the last layer in the source: the view redraws it, at the same zoom.
    const last = classifier.layers.at(-1)!;
    const source = fs.readFileSync(path.join(workspace, UNET), 'utf8').split('\n')[last.line - 1];
    const at = source.indexOf(`name="${last.name}"`);
    assert.ok(at >= 0, source);
    await goToLine(last.line, at + `name="${last.name}`.length + 1);
    await page.keyboard.type('_2');
    await view()
      .locator('svg.flow g.layer text', { hasText: `${last.class} ${last.name}_2` })
      .first()
      .waitFor({ timeout: WAIT_MS });
    assert.strictEqual(text(await view().locator('.zoom-level').textContent()), zoom);
    await page.keyboard.press('Control+Z');
    await view()
      .locator('svg.flow g.layer text', { hasText: exactly(layerLabel(last)) })
      .first()
      .waitFor({ timeout: WAIT_MS });
  });

  // After the model view's tests, which open the seed from the Explorer into the text editor.
  it('opens a notebook: the Dense in a later cell shows the shape the model of the earlier cells gives it', async () => {
    const file = path.join(LOCAL_TRUTH, 'notebooks', NOTEBOOK);
    const program = JSON.parse(fs.readFileSync(file.replace(/\.ipynb$/, '.truth.json'), 'utf8')) as TruthProgram;
    const lines: Array<[number, number]> = JSON.parse(fs.readFileSync(file.replace(/\.ipynb$/, '.lines.json'), 'utf8'));
    const cells = (JSON.parse(fs.readFileSync(file, 'utf8')).cells as Array<{ source: string[] | string }>).map((c) =>
      Array.isArray(c.source) ? c.source.join('') : c.source,
    );
    const dense = program.models[0].layers.find((l) => l.class === 'Dense')!;
    const [cell, cellLine] = lines[dense.line - 1];
    const [firstCell] = lines[program.models[0].line - 1];
    assert.ok(cell > firstCell, 'the Dense is in a later cell than the model');
    const code = cells[cell].split('\n')[cellLine - 1].trim();

    // Quick Open, wherever the side bar is.
    await editor().locator('.view-lines').first().click();
    await page.keyboard.press('Control+P');
    const input = page.locator('.quick-input-widget .quick-input-box input');
    await input.waitFor({ timeout: WAIT_MS });
    await input.fill(NOTEBOOK);
    await page
      .locator('.quick-input-widget .monaco-list-row', { hasText: NOTEBOOK })
      .first()
      .waitFor({ timeout: WAIT_MS });
    await page.keyboard.press('Enter');
    await page.locator('.tabs-container .tab.active', { hasText: NOTEBOOK }).waitFor({ timeout: WAIT_MS });
    // VS Code's built-in ipynb serializer opens it in the notebook editor, one code editor per cell.
    const cellEditor = page
      .locator('.notebook-editor .cell-editor-container .monaco-editor')
      .filter({ has: page.locator('.view-lines', { hasText: code.slice(0, 20) }) })
      .first();
    // The notebook editor renders only the cells on screen: scroll down until the Dense's cell is there.
    const firstCode = page.locator('.notebook-editor .cell-editor-container .monaco-editor').filter({ visible: true });
    await firstCode.first().waitFor({ timeout: WAIT_MS });
    await firstCode.first().hover();
    for (let i = 0; i < 30 && !(await cellEditor.isVisible()); i++) {
      await page.mouse.wheel(0, 150);
      await page.waitForTimeout(200);
    }
    await cellEditor.waitFor({ timeout: WAIT_MS });
    const expected = `→ ${pyShape(dense.output_shape!)}`;
    const hint = cellEditor.locator('.view-line span[class*="dyn-rule-"]', { hasText: exactly(expected) }).first();
    await hint.waitFor({ timeout: FIRST_PAINT_MS });
    // On the Dense's own line of its cell.
    const row = await hint.evaluate((e: any) => e.closest('.view-line').textContent);
    assert.ok(text(row).includes(code.slice(0, 20)), row);
    // For the picture: the Dense's cell up from the bottom edge, the earlier Conv2D cells above it.
    await page.mouse.wheel(0, 250);
    await page.waitForTimeout(500);
    await hint.waitFor({ timeout: WAIT_MS });
    await page.mouse.move(0, 0);
    await screenshot(page, 'notebook.png');
  });

  it('hovering fit on channels-first data: Keras’s error with the transpose that cures it, and the model against the data', async () => {
    const program = truth(DATA_SEED_TRUTH);
    assert.strictEqual(
      fs.readFileSync(`${DATA_SEED_TRUTH}.py`, 'utf8'),
      fs.readFileSync(path.join(workspace, `${DATA_SEED}.py`), 'utf8'),
    );
    const [error] = cliFindings(path.join(workspace, `${DATA_SEED}.py`)).filter((f) => f.severity === 'error');
    assert.strictEqual(error?.line, program.error!.line);
    assert.ok(error.message.includes('np.transpose(X, (0, 2, 3, 1))'), error.message);
    await page.keyboard.press('Escape');
    // A taller window for this picture: VS Code gives a hover a quarter of the editor's height (250 px at least).
    await page.setViewportSize({ width: 1400, height: 1400 });
    await runCommand('View: Close All Editors');
    await runCommand('View: Show Explorer');
    await page
      .locator('.explorer-folders-view .monaco-list-row', { hasText: `${DATA_SEED}.py` })
      .first()
      .click();
    await page.locator('.tabs-container .tab.active', { hasText: `${DATA_SEED}.py` }).waitFor({ timeout: WAIT_MS });
    await editor().locator('.view-lines', { hasText: 'band first' }).waitFor({ timeout: WAIT_MS });
    const squiggle = editor().locator('.view-overlays .cdr.squiggly-error').first();
    await squiggle.waitFor({ timeout: WAIT_MS });
    assert.strictEqual(await lineOf(squiggle), program.error!.line);
    await page.keyboard.press('Control+B');
    await page.locator('.part.sidebar').waitFor({ state: 'hidden', timeout: WAIT_MS });
    // The mouse on the `f` of `fit` (the token may share its span with `model.`): monospace, so by its offset.
    const fitSpan = editor()
      .locator('.view-line', { hasText: 'model.fit(' })
      .locator('span', { hasText: 'fit' })
      .last();
    const spanText = text(await fitSpan.textContent());
    const box = await fitSpan.boundingBox();
    const charWidth = box.width / spanText.length;
    await page.mouse.move(box.x + (spanText.indexOf('fit') + 1.5) * charWidth, box.y + box.height / 2);
    const table = page.locator('.monaco-hover:not(.hidden) .rendered-markdown', { hasText: 'model input' }).first();
    await table.waitFor({ timeout: WAIT_MS });
    const cells = await table
      .locator('tr')
      .evaluateAll((rows: any[]) =>
        rows.map((r) => [...r.querySelectorAll('td')].map((c: any) => c.textContent.trim())),
      );
    // The data column is the array as the file builds it; the model's is Keras's input, channels last.
    const x = cells.filter((r: string[]) => r.length === 3).slice(0, 4);
    assert.deepStrictEqual(
      x.map((r: string[]) => r[0]),
      ['samples', 'rows', 'cols', 'channels'],
    );
    const marker = page.locator('.monaco-hover:not(.hidden) .marker.hover-contents', { hasText: 'np.transpose' });
    await marker.first().waitFor({ timeout: WAIT_MS });
    assert.ok(text(await marker.first().innerText()).includes('np.transpose(X, (0, 2, 3, 1))'));
    // For the picture: the hover scrolled to its table, the transpose still in sight above it.
    const widget = page.locator('.monaco-hover:not(.hidden)').first();
    const hb = await widget.boundingBox();
    await page.mouse.move(hb.x + hb.width / 2, hb.y + 8);
    await page.mouse.move(hb.x + hb.width / 2, hb.y + hb.height / 2);
    const tableInSight = (): Promise<boolean> =>
      page.evaluate(() => {
        const hover = (globalThis as any).document.querySelector('.monaco-hover:not(.hidden)');
        const rows = hover?.querySelectorAll('tr');
        if (!rows?.length) return false;
        return rows[rows.length - 1].getBoundingClientRect().bottom <= hover.getBoundingClientRect().bottom + 1;
      });
    const transposeInSight = (): Promise<boolean> =>
      page.evaluate(() => {
        const hover = (globalThis as any).document.querySelector('.monaco-hover:not(.hidden)');
        const marker = hover?.querySelector('.marker.hover-contents');
        return !!marker && marker.getBoundingClientRect().bottom - 20 >= hover.getBoundingClientRect().top;
      });
    for (let i = 0; i < 20 && !(await tableInSight()); i++) {
      await page.mouse.wheel(0, 30);
      await page.waitForTimeout(150);
    }
    assert.ok(await tableInSight(), 'the table scrolled into the hover');
    assert.ok(await transposeInSight(), 'the transpose still in the hover');
    await screenshot(page, 'data-hover.png');
    await page.mouse.move(5, 400);
    await page.keyboard.press('Escape');
    await page.setViewportSize({ width: 1400, height: 860 });
  });

  it("shows the package's own README on the extension page, with no broken image", async () => {
    // Only the extension page's webview is open then (not the model view's).
    await page.keyboard.press('Escape');
    await runCommand('View: Close All Editors');
    await runCommand('Extensions: Show Installed Extensions');
    await page
      .locator('.extensions-viewlet .monaco-list-row', { hasText: 'Shape Lens' })
      .first()
      .click({ timeout: WAIT_MS });
    await page.locator('.extension-editor').waitFor({ timeout: WAIT_MS });
    // The README is a webview, laid over the editor outside its DOM; with the editors closed, the only one.
    const readme = page.locator('iframe.webview.ready').first().contentFrame().locator('#active-frame').contentFrame();
    const marketplace = fs.readFileSync(path.join(REPO_ROOT, 'docs', 'marketplace', 'README.md'), 'utf8');
    const firstLine = marketplace.split('\n').find((l) => l && !l.startsWith('#'))!;
    await readme.locator('h1', { hasText: 'Shape Lens' }).waitFor({ timeout: WAIT_MS });
    await readme.locator('p', { hasText: firstLine }).waitFor({ timeout: WAIT_MS });
    // VS Code drops an image it will not load (a relative one has its src removed): none may be there.
    const images = await readme
      .locator('img')
      .evaluateAll((imgs: any[]) =>
        imgs.map((e) => ({ src: e.getAttribute('src'), ok: e.complete && e.naturalWidth > 0 })),
      );
    assert.deepStrictEqual(
      images.filter((i: { ok: boolean }) => !i.ok),
      [],
    );
    await screenshot(page, 'extension-page.png', { readme: false });
  });

  it('ran one extension host and one language server', () => {
    const logs = path.join(server!.userDataDir, 'logs');
    const hostLogs = fs
      .readdirSync(logs, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('remoteexthost.log'))
      .map((f) => fs.readFileSync(path.join(logs, f), 'utf8'));
    const started = hostLogs.join('\n').match(/Extension host with pid \d+ started/g) ?? [];
    assert.strictEqual(started.length, 1, `extension hosts started: ${started.length}`);
    const activated = hostLogs.join('\n').match(/ExtensionService#_doActivateExtension shape-lens\.shape-lens/g) ?? [];
    assert.strictEqual(activated.length, 1, `Shape Lens activations: ${activated.length}`);
  });
});

/**
 * A language pack that declares Simplified Chinese and translates nothing of
 * VS Code itself. VS Code reports a display language to extensions only when
 * a language pack for it is installed (`--locale zh-cn` alone leaves
 * `vscode.env.language` at `en`); Microsoft's Chinese pack comes from the
 * Marketplace, which this machine cannot reach, so the workbench's own menus
 * stay English and everything Shape Lens shows is in Chinese.
 */
function stubLanguagePack(dir: string): { vsix: string; record: (extensionsDir: string) => object } {
  const pack = path.join(dir, 'language-pack');
  const manifest = {
    name: 'language-pack-zh-hans-stub',
    publisher: 'shape-lens-test',
    version: '1.0.0',
    engines: { vscode: '^1.90.0' },
    categories: ['Language Packs'],
    contributes: {
      localizations: [
        {
          languageId: 'zh-cn',
          languageName: 'Chinese Simplified',
          localizedLanguageName: '中文(简体)',
          translations: [{ id: 'vscode', path: './translations/main.i18n.json' }],
        },
      ],
    },
  };
  fs.mkdirSync(path.join(pack, 'translations'), { recursive: true });
  fs.writeFileSync(path.join(pack, 'package.json'), JSON.stringify(manifest, null, 2));
  fs.writeFileSync(
    path.join(pack, 'translations', 'main.i18n.json'),
    JSON.stringify({ version: '1.0.0', contents: {} }),
  );
  fs.writeFileSync(path.join(pack, '.vscodeignore'), '');
  const vsix = path.join(dir, 'language-pack.vsix');
  const vsce = path.join(path.dirname(require.resolve('@vscode/vsce/package.json', { paths: [REPO_ROOT] })), 'vsce');
  const r = spawnSync(
    process.execPath,
    [vsce, 'package', '--allow-missing-repository', '--skip-license', '--out', vsix],
    { cwd: pack, encoding: 'utf8' },
  );
  assert.strictEqual(r.status, 0, `${r.stdout}${r.stderr}`);
  // What VS Code writes to languagepacks.json when it installs a pack from its UI. `--install-extension`
  // does not write it (microsoft/vscode#237663), so without this record the pack would be ignored.
  const id = `${manifest.publisher}.${manifest.name}`;
  const record = (extensionsDir: string) => ({
    'zh-cn': {
      hash: `${id}-${manifest.version}`,
      extensions: [{ extensionIdentifier: { id, uuid: null }, version: manifest.version }],
      translations: {
        vscode: path.join(extensionsDir, `${id}-${manifest.version}`, 'translations', 'main.i18n.json'),
      },
      label: '中文(简体)',
    },
  });
  return { vsix, record };
}

describe('in the editor with the display language zh-cn', function () {
  this.timeout(30 * 60_000);

  let work = '';
  let workspace = '';
  let server: CodeServer | undefined;
  let browser: Browser | undefined;
  let page: Page;
  let failed = false;

  before(async function () {
    // As the suite above: `SHAPE_LENS_E2E=0` leaves out the real-editor tests.
    if (process.env.SHAPE_LENS_E2E === '0') this.skip();
    const tools = ensureAll();
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'shape-lens-e2e-zh-'));
    const vsix = packageVsix({ out: path.join(work, 'shape-lens.vsix'), quiet: true });
    const pack = stubLanguagePack(work);
    fs.mkdirSync(path.join(work, 'ud'), { recursive: true });
    fs.writeFileSync(path.join(work, 'ud', 'languagepacks.json'), JSON.stringify(pack.record(path.join(work, 'ext'))));
    workspace = path.join(work, 'examples');
    fs.mkdirSync(workspace);
    fs.copyFileSync(path.join(REPO_ROOT, 'examples', CHANNELS_FIRST), path.join(workspace, CHANNELS_FIRST));
    server = await startCodeServer({
      dir: work,
      workspace,
      vsix,
      codeServer: tools,
      locale: 'zh-cn',
      extensions: [pack.vsix],
    });
    const { chromium } = require(tools.playwrightCore);
    browser = await chromium.launch({
      executablePath: tools.executablePath,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking'],
      env: { ...process.env, TMPDIR: path.join(work, 'xdg') },
    });
    page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
    await page.goto(server.urlFor(path.join(workspace, CHANNELS_FIRST)));
  });

  afterEach(async function () {
    if (this.currentTest?.state !== 'failed') return;
    failed = true;
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    await page
      ?.screenshot({ path: path.join(SCREENSHOTS, `failed-${this.currentTest.title.slice(0, 40)}.png`) })
      .catch(() => undefined);
  });

  after(async function () {
    try {
      await browser?.close();
    } finally {
      await server?.stop();
      if (work && failed) console.log(`      e2e: kept ${work} (server.log, ud/logs/) for inspection`);
      else if (work) fs.rmSync(work, { recursive: true, force: true });
    }
  });

  const editor = (): Locator => page.locator('.editor-instance .monaco-editor').first();

  it('shows the seed’s channels-first warning in Chinese, in the hover and the Problems panel', async () => {
    const [warning] = cliFindings(path.join(workspace, CHANNELS_FIRST)).filter(
      (f) => f.code === 'channels-first-input',
    );
    await editor().locator('.view-lines', { hasText: 'class Model2' }).waitFor({ timeout: FIRST_PAINT_MS });
    const squiggle = editor().locator('.view-overlays .cdr.squiggly-warning').first();
    await squiggle.waitFor({ timeout: FIRST_PAINT_MS });
    assert.strictEqual(await lineOf(squiggle), warning.line);
    await page.keyboard.press('Control+B');
    await page.locator('.part.sidebar').waitFor({ state: 'hidden', timeout: WAIT_MS });
    await page.mouse.move(5, 400);
    await editor()
      .locator('.view-line', { hasText: 'input_shape=(20, 15, 15)' })
      .locator('span', { hasText: /^input_shape$/ })
      .first()
      .hover();
    const marker = page.locator('.monaco-hover:not(.hidden) .marker.hover-contents', { hasText: '通道' }).first();
    await marker.waitFor({ timeout: WAIT_MS });
    const shown = text(await marker.innerText());
    assert.ok(shown.includes('Keras 把这个输入读作（批次, 行=20, 列=15, 通道=15）：通道在最后。'), shown);
    assert.ok(shown.includes('data_format="channels_first"'), shown);
    await page.mouse.move(5, 400);
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+Shift+M');
    const row = page.locator('.markers-panel .monaco-list-row[aria-level="2"]', { hasText: '通道在最后' }).first();
    await row.waitFor({ timeout: WAIT_MS });
    assert.strictEqual(
      text(await row.locator('.marker-line').textContent()),
      `[Ln ${warning.line}, Col ${warning.column}]`,
    );
    await editor()
      .locator('.view-line', { hasText: 'input_shape=(20, 15, 15)' })
      .locator('span', { hasText: /^input_shape$/ })
      .first()
      .hover();
    await marker.waitFor({ timeout: WAIT_MS });
    await screenshot(page, 'zh-cn-diagnostic.png');
  });

  it('hovers Conv2D in Chinese: the axes named, the parameter formula, the shapes as Keras prints them', async () => {
    await page.mouse.move(5, 400);
    await page.keyboard.press('Escape');
    await editor()
      .locator('.view-line', { hasText: 'Conv2D(12' })
      .locator('span', { hasText: /^Conv2D$/ })
      .first()
      .hover();
    const hover = page
      .locator('.monaco-hover:not(.hidden) .markdown-hover .rendered-markdown', { hasText: '参数' })
      .first();
    await hover.waitFor({ timeout: WAIT_MS });
    const shown = text(await hover.innerText());
    assert.match(shown, /^Conv2D conv2d/);
    assert.ok(shown.includes('输出：(None, 20, 15, 12) — 批次=None, 行=20, 列=15, 通道=12'), shown);
    assert.ok(/参数：\(3·3·15 \+ 1\)·12 = 1,632 — 可训练 1,632，不可训练 0/.test(shown), shown);
    await screenshot(page, 'zh-cn-hover.png');
  });

  it('titles the command in Chinese from package.nls.zh-cn.json', async () => {
    await page.mouse.move(5, 400);
    await page.keyboard.press('Escape');
    await page.keyboard.press('F1');
    const input = page.locator('.quick-input-widget .quick-input-box input');
    await input.waitFor({ timeout: WAIT_MS });
    await input.fill('>Shape Lens');
    await page
      .locator('.quick-input-widget .monaco-list-row', { hasText: 'Shape Lens: 显示模型摘要' })
      .first()
      .waitFor({ timeout: WAIT_MS });
    await page.keyboard.press('Escape');
  });
});
