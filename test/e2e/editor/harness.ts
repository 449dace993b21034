/**
 * What the editor tests share: the programs they open and the Keras truth
 * they are checked against, readers of VS Code's DOM (inlay hints and their
 * lines, text as shown), screenshots, and `EditorSession`: one code-server,
 * one Chromium and one page for a whole suite (started in its `before`, ended
 * in its `after`), with the moves a person makes in the editor (Go to Line, a
 * command from the palette, a file from the Explorer).
 *
 * Expected values come from Keras (../shared/keras-truth/programs/*.truth.json)
 * or, for Shape Lens's own wording, from `shape-lens summary --json` at test time.
 */

import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ensureAll, startCodeServer, type CodeServer } from '../../../scripts/editor-setup';
import { packageVsix } from '../../../scripts/package';
import { LOCAL_TRUTH, REPO_ROOT, SHARED_TRUTH } from '../../helpers/truth';

// playwright-core lives in the e2e cache, not in node_modules, so its types are not visible here.
/* eslint-disable @typescript-eslint/no-explicit-any */
export type Browser = any;
export type Page = any;
export type Locator = any;

export const SCREENSHOTS = path.join(REPO_ROOT, 'test-results', 'screenshots');
const README_SCREENSHOTS = path.join(REPO_ROOT, 'docs', 'screenshots');
/** The first hint needs 30-40 s on a busy 2-core machine; leave room. */
export const FIRST_PAINT_MS = 180_000;
export const WAIT_MS = 60_000;

export const SEED = 'seed_model2.py';
export const SEED_TRUTH = 'seed_conv2d_channels_last';
export const BROKEN = 'fail_lstm_2d_input';
/** The seed as the learner wrote it: its input (20, 15, 15) is channels-first. */
export const CHANNELS_FIRST = 'seed_model2_channels_first_input.py';
/** examples/unet.py, recorded with Keras as test/truth/programs/example_unet.py. */
export const UNET = 'unet.py';
export const UNET_TRUTH = path.join(REPO_ROOT, 'test', 'truth', 'programs', 'example_unet');
/** A notebook whose model is begun in one cell and extended in later ones, recorded with Keras (test/truth/notebooks/). */
export const NOTEBOOK = 'seed_cells.ipynb';
/**
 * The seed's real mistake: data built channels first, (N, 20, 15, 15), fed to a model on (15, 15, 20);
 * examples/seed_data_channels_first.py, recorded with Keras in test/truth/data-programs/.
 */
export const DATA_SEED = 'seed_data_channels_first';
export const DATA_SEED_TRUTH = path.join(LOCAL_TRUTH, 'data-programs', `example_${DATA_SEED}`);

export interface TruthLayer {
  line: number;
  class: string;
  name: string;
  output_shape: (number | null)[] | null;
  params: number | null;
}
export interface TruthProgram {
  models: { line: number; name: string; layers: TruthLayer[]; total_params: number | null }[];
  error: { line: number; type: string; message: string } | null;
}
export interface CliFinding {
  line: number;
  column: number;
  endLine: number;
  severity: 'error' | 'warning' | 'info';
  code: string;
  message: string;
}

export function truth(name: string): TruthProgram {
  const file = path.isAbsolute(name) ? name : path.join(SHARED_TRUTH, 'programs', name);
  return JSON.parse(fs.readFileSync(`${file}.truth.json`, 'utf8'));
}

/** Keras's graph of each functional model of the example (test/truth/connections/): per row, its calls' inputs. */
export function connections(key: string): Array<{ line: number; connections: number[][][][] }> {
  const all = JSON.parse(
    fs.readFileSync(path.join(REPO_ROOT, 'test', 'truth', 'connections', 'connections.json'), 'utf8'),
  );
  return all[key];
}

/** A shape as Keras prints it: `(None, 15, 15, 12)`, `(5,)`. */
export function pyShape(shape: (number | null)[]): string {
  const dims = shape.map((d) => (d === null ? 'None' : String(d)));
  return dims.length === 1 ? `(${dims[0]},)` : `(${dims.join(', ')})`;
}

export function cliFindings(file: string): CliFinding[] {
  const r = spawnSync(process.execPath, [path.join(REPO_ROOT, 'bin', 'shape-lens.js'), 'summary', file, '--json'], {
    encoding: 'utf8',
  });
  // 1: Keras would raise in the file (the broken program).
  assert.ok(r.status === 0 || r.status === 1, r.stderr);
  return JSON.parse(r.stdout)[0].diagnostics;
}

export const text = (s: string | null): string => (s ?? '').replace(/\u00a0/g, ' ').trim();
/** A pattern for exactly `s`, any space in it matching the NBSP the editor renders. */
export const exactly = (s: string): RegExp =>
  new RegExp(`^\\s*${s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s')}\\s*$`);

/** The 1-based line of an element inside an editor's text or overlay layer: its row's `top` matched to the gutter. */
export async function lineOf(el: Locator): Promise<number> {
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

/**
 * Hovers `target` until `shown` appears. A hover made while the layout still moves (a sidebar closing, a
 * re-render) lands beside its span and shows nothing, so the pointer leaves and comes back each few seconds.
 */
export async function hoverUntil(page: Page, target: Locator, shown: Locator, timeout = WAIT_MS): Promise<void> {
  const end = Date.now() + timeout;
  for (;;) {
    await target.hover();
    try {
      await shown.waitFor({ timeout: Math.min(8_000, Math.max(1, end - Date.now())) });
      return;
    } catch (e) {
      if (Date.now() >= end) throw e;
      await page.mouse.move(5, 400);
    }
  }
}

/** Every inlay hint on screen, as [line, text]. Hints are injected `dyn-rule-*` spans; the padding spacer is empty. */
export async function hintsOnScreen(editor: Locator): Promise<[number, string][]> {
  const hints = editor.locator('.view-line span[class*="dyn-rule-"]', { hasText: /\S/ });
  const out: [number, string][] = [];
  for (const h of await hints.all()) out.push([await lineOf(h), text(await h.textContent())]);
  return out.sort((a, b) => a[0] - b[0]);
}

export async function screenshot(page: Page, name: string, { readme = true } = {}): Promise<void> {
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

/** What a suite's editor starts with. */
export interface SessionOptions {
  /** The temporary folder's name begins with it. */
  prefix: string;
  /** Files copied into the workspace folder, by their absolute paths. */
  files: string[];
  /** The file the page opens first (a name in the workspace). */
  open: string;
  /** Chromium's command-line switches. */
  browserArgs: string[];
  /** Given the temporary folder once the .vsix is packaged: more of `startCodeServer`'s options. */
  codeServer?: (work: string) => Partial<Parameters<typeof startCodeServer>[0]>;
}

/** One code-server, one Chromium and one page for a suite, and what a person does in the editor. */
export class EditorSession {
  work = '';
  workspace = '';
  server: CodeServer | undefined;
  browser: Browser | undefined;
  page!: Page;
  ready = false;
  failed = false;
  gotoAt = 0;
  readonly timings: Record<string, string> = {};

  async start(options: SessionOptions): Promise<void> {
    let t = Date.now();
    const tools = ensureAll();
    this.timings.setup = seconds(Date.now() - t);
    this.work = fs.mkdtempSync(path.join(os.tmpdir(), options.prefix));
    // Into the suite's own folder: another run may be packaging at the repository root right now.
    t = Date.now();
    const vsix = packageVsix({ out: path.join(this.work, 'shape-lens.vsix'), quiet: true });
    this.timings.package = seconds(Date.now() - t);

    this.workspace = path.join(this.work, 'examples');
    fs.mkdirSync(this.workspace);
    for (const f of options.files) fs.copyFileSync(f, path.join(this.workspace, path.basename(f)));

    t = Date.now();
    this.server = await startCodeServer({
      dir: this.work,
      workspace: this.workspace,
      vsix,
      codeServer: tools,
      ...options.codeServer?.(this.work),
    });
    this.timings.install = seconds(this.server.installMs);
    this.timings.serverStart = seconds(Date.now() - t - this.server.installMs);

    const { chromium } = require(tools.playwrightCore);
    this.browser = await chromium.launch({
      executablePath: tools.executablePath,
      args: options.browserArgs,
      env: { ...process.env, TMPDIR: path.join(this.work, 'xdg') },
    });
    this.page = await this.browser.newPage({ viewport: { width: 1400, height: 860 } });
    this.gotoAt = Date.now();
    await this.page.goto(this.server.urlFor(path.join(this.workspace, options.open)));
    this.ready = true;
  }

  /** After a failed test: its screenshot, and the work folder kept. */
  async failedTest(title: string): Promise<void> {
    this.failed = true;
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    await this.page
      ?.screenshot({ path: path.join(SCREENSHOTS, `failed-${title.slice(0, 40)}.png`) })
      .catch(() => undefined);
  }

  async stop({ printTimings = false } = {}): Promise<void> {
    try {
      await this.browser?.close();
    } finally {
      await this.server?.stop();
      const times = Object.entries(this.timings);
      if (printTimings && times.length)
        console.log(`      e2e timings: ${times.map(([k, v]) => `${k} ${v}`).join(', ')}`);
      if (this.work && (this.failed || !this.ready))
        console.log(`      e2e: kept ${this.work} (server.log, ud/logs/) for inspection`);
      else if (this.work) fs.rmSync(this.work, { recursive: true, force: true });
    }
  }

  /** The active editor (a text editor; a notebook's cells have one each). */
  editor(): Locator {
    return this.page.locator('.editor-instance .monaco-editor').first();
  }

  async runCommand(title: string): Promise<void> {
    const page = this.page;
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

  async openFromExplorer(name: string, shown: string): Promise<void> {
    const page = this.page;
    if (!(await page.locator('.part.sidebar').isVisible())) {
      await this.editor().locator('.view-lines').click();
      await page.keyboard.press('Control+B');
    }
    await page.locator('.explorer-folders-view .monaco-list-row', { hasText: name }).first().click();
    await page.locator('.tabs-container .tab.active', { hasText: name }).waitFor({ timeout: WAIT_MS });
    await this.editor().locator('.view-lines', { hasText: shown }).waitFor({ timeout: WAIT_MS });
  }

  /** Moves the editor's cursor to a 1-based line, and column (Go to Line). */
  async goToLine(line: number, column?: number): Promise<void> {
    const page = this.page;
    await this.editor().locator('.view-lines').click();
    await page.keyboard.press('Control+G');
    const input = page.locator('.quick-input-widget .quick-input-box input');
    await input.waitFor({ timeout: WAIT_MS });
    await input.fill(column ? `:${line}:${column}` : `:${line}`);
    await page.keyboard.press('Enter');
    await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: WAIT_MS });
  }

  /** Waits until the editor shows its lines from column 1 (it scrolls sideways to reveal a cursor). */
  async scrolledToLeftEdge(): Promise<void> {
    const deadline = Date.now() + WAIT_MS;
    for (;;) {
      const left = await this.editor().evaluate((e: any) => e.querySelector('.lines-content').style.left);
      if (left === '0px' || left === '') return;
      if (Date.now() > deadline) throw new Error(`the editor stays scrolled sideways (${left})`);
      await this.page.waitForTimeout(100);
    }
  }
}

export const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;
