/**
 * Another editor, for real: Debian's Neovim (0.7.2 on Debian 12, installed
 * with apt on first use by scripts/editor-setup.js) runs headless with the
 * README's own Neovim 0.7 snippet as its init.lua, opens an example, and its
 * LSP client (vim.lsp.start_client, buf_attach_client) talks to
 * `shape-lens --stdio`. test/e2e/neovim/driver.lua reads back the
 * diagnostics, the inlay hints the snippet draws as virtual text, a hover and
 * the raw textDocument/inlayHint answer. Shapes come from the Keras truth of
 * the example, diagnostics' wording from `shape-lens summary --json`.
 * `SHAPE_LENS_E2E=0` skips it, with the other real-editor tests.
 */

import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ensureNeovim } from '../../scripts/editor-setup';
import { cli } from '../helpers/cli';
import { kerasShapeText, readProgramTruth } from '../helpers/programs';
import { REPO_ROOT, SHARED_TRUTH } from '../helpers/truth';

const EXAMPLE = path.join(REPO_ROOT, 'examples', 'seed_model2_channels_first_input.py');
/** The same file, recorded with Keras. */
const TRUTH = path.join(SHARED_TRUTH, 'programs', 'seed_conv2d_input_20_15_15.py');
const MARKER = '<!-- tested by test/e2e/neovim.test.ts -->';

/** The README's Neovim 0.7 snippet, pointed at this checkout and this Node. */
function readmeSnippet(): string {
  const readme = fs.readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
  const at = readme.indexOf(MARKER);
  assert.ok(at >= 0, `the README marks its tested snippet with ${MARKER}`);
  const m = /```lua\n([\s\S]*?)```/.exec(readme.slice(at));
  assert.ok(m, 'a lua block follows the marker');
  const snippet = m[1];
  assert.ok(snippet.includes("'/path/to/shape-lens/bin/shape-lens.js'"));
  return snippet
    .replace("'/path/to/shape-lens/bin/shape-lens.js'", JSON.stringify(path.join(REPO_ROOT, 'bin', 'shape-lens.js')))
    .replace("{ 'node',", `{ ${JSON.stringify(process.execPath)},`);
}

interface NeovimResult {
  filetype?: string;
  initialized?: boolean;
  client?: string;
  got_diagnostics?: boolean;
  diagnostics?: Array<{ line: number; col: number; severity: number; message: string; code?: string }>;
  got_virtual_text?: boolean;
  virtual_text?: Array<{ line: number; text: string }>;
  hover?: { contents: { kind: string; value: string } };
  inlay_hints?: Array<{ position: { line: number; character: number }; label: string | Array<{ value: string }> }>;
  hover_key?: boolean;
  stopped?: boolean;
  error?: string;
}

describe('in Neovim: its own LSP client with the README snippet, against shape-lens --stdio', function () {
  this.timeout(10 * 60_000);
  let result: NeovimResult;
  let hoverLine = 0;

  before(function () {
    if (process.env.SHAPE_LENS_E2E === '0') {
      console.log('      (Neovim test skipped: SHAPE_LENS_E2E=0 leaves out the real-editor tests)');
      this.skip();
    }
    const nvim = ensureNeovim();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shape-lens-nvim-'));
    fs.writeFileSync(path.join(dir, 'init.lua'), readmeSnippet());
    const out = path.join(dir, 'result.json');
    const lines = fs.readFileSync(EXAMPLE, 'utf8').split('\n');
    hoverLine = lines.findIndex((l) => l.includes('Conv2D(12'));
    const r = spawnSync(
      nvim,
      [
        '--headless',
        '-u',
        path.join(dir, 'init.lua'),
        '-i',
        'NONE',
        '-c',
        `luafile ${path.join(__dirname, 'neovim', 'driver.lua')}`,
      ],
      {
        cwd: dir,
        encoding: 'utf8',
        timeout: 5 * 60_000,
        env: {
          ...process.env,
          XDG_CONFIG_HOME: path.join(dir, 'config'),
          XDG_DATA_HOME: path.join(dir, 'data'),
          XDG_STATE_HOME: path.join(dir, 'state'),
          XDG_CACHE_HOME: path.join(dir, 'cache'),
          SHAPE_LENS_FILE: EXAMPLE,
          SHAPE_LENS_OUT: out,
          SHAPE_LENS_HOVER_LINE: String(hoverLine),
          SHAPE_LENS_HOVER_COL: String(lines[hoverLine].indexOf('Conv2D(12') + 2),
        },
      },
    );
    assert.ok(fs.existsSync(out), `Neovim wrote no result (exit ${r.status}, ${r.signal}):\n${r.stdout}${r.stderr}`);
    result = JSON.parse(fs.readFileSync(out, 'utf8'));
    assert.strictEqual(result.error, undefined, result.error);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('attaches the shape-lens client to the Python buffer', () => {
    assert.deepStrictEqual([result.filetype, result.initialized, result.client], ['python', true, 'shape-lens']);
  });

  it('gets the diagnostics Shape Lens reports for the file', () => {
    assert.ok(result.got_diagnostics, 'diagnostics arrived');
    const expected = JSON.parse(cli(['summary', '--json', EXAMPLE]).stdout)[0].diagnostics;
    const got = result.diagnostics!.map((d) => `${d.line + 1}:${d.col + 1} ${d.code} ${d.message}`).sort();
    assert.deepStrictEqual(
      got,
      expected
        .map(
          (d: { line: number; column: number; code: string; message: string }) =>
            `${d.line}:${d.column} ${d.code} ${d.message}`,
        )
        .sort(),
    );
    assert.ok(
      got.some((d) => d.includes('channels-first-input')),
      'the channels-first warning is among them',
    );
  });

  it("answers textDocument/inlayHint with Keras's shapes, which the snippet draws as virtual text", () => {
    const model = readProgramTruth(TRUTH).models[0];
    const expected = [
      [model.line - 1, `${model.total_params!.toLocaleString('en-US')} params`],
      ...model.layers.map((l) => [l.line - 1, `→ ${kerasShapeText(l.output_shape as Array<number | null>)}`]),
    ].map(([line, text]) => `${line}: ${text}`);
    const label = (l: string | Array<{ value: string }>) =>
      typeof l === 'string' ? l : l.map((p) => p.value).join('');
    const answered = result.inlay_hints!.map((h) => `${h.position.line}: ${label(h.label)}`);
    assert.deepStrictEqual(answered.sort(), expected.sort());
    assert.ok(result.got_virtual_text, 'virtual text was drawn');
    assert.deepStrictEqual(result.virtual_text!.map((v) => `${v.line}: ${v.text}`).sort(), expected.sort());
  });

  it('hovers Conv2D with its output shape and axes, and maps K to hover', () => {
    const conv = readProgramTruth(TRUTH).models[0].layers[0];
    assert.strictEqual(conv.line - 1, hoverLine);
    assert.ok(result.hover, 'a hover answer');
    assert.ok(
      result.hover!.contents.value.includes(`Output: \`${kerasShapeText(conv.output_shape as Array<number | null>)}\``),
      result.hover!.contents.value,
    );
    assert.strictEqual(result.hover_key, true);
  });

  it('stops the server cleanly', () => assert.strictEqual(result.stopped, true));
});
