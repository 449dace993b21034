/** The seed's inlay hints (each layer's output shape, the model's parameter total) and the hover over its Conv2D. */

import * as assert from 'assert';
import {
  EditorSession,
  seconds,
  exactly,
  hintsOnScreen,
  lineOf,
  pyShape,
  screenshot,
  text,
  truth,
  FIRST_PAINT_MS,
  SEED_TRUTH,
  WAIT_MS,
} from './harness';

export function hintAndHoverTests(s: EditorSession): void {
  it("shows each layer's output shape at the end of its line, as Keras computes it", async () => {
    const program = truth(SEED_TRUTH);
    const model = program.models[0];
    await s.editor().locator('.view-lines', { hasText: 'class Model2' }).waitFor({ timeout: FIRST_PAINT_MS });
    // The seed's Conv2D line: `→ (None, 15, 15, 12)`, wherever the hint text is exactly that.
    const conv = model.layers[0];
    assert.strictEqual(conv.class, 'Conv2D');
    const expected = `→ ${pyShape(conv.output_shape!)}`;
    await s
      .editor()
      .locator('.view-line span[class*="dyn-rule-"]', { hasText: exactly(expected) })
      .first()
      .waitFor({ timeout: FIRST_PAINT_MS });
    s.timings.firstHint = seconds(Date.now() - s.gotoAt);
    // Every layer of the model, and the model's parameter total after `Sequential()`.
    const last = model.layers[model.layers.length - 1];
    await s
      .editor()
      .locator('.view-line span[class*="dyn-rule-"]', { hasText: `→ ${pyShape(last.output_shape!)}` })
      .first()
      .waitFor({ timeout: WAIT_MS });
    const totalLabel = `${model.total_params!.toLocaleString('en-US')} params`;
    await s
      .editor()
      .locator('.view-line span[class*="dyn-rule-"]', { hasText: totalLabel })
      .first()
      .waitFor({ timeout: WAIT_MS });

    const hints = await hintsOnScreen(s.editor());
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
    await s.page.keyboard.press('Control+B');
    await s.page.locator('.part.sidebar').waitFor({ state: 'hidden', timeout: WAIT_MS });
    await s
      .editor()
      .locator('.view-line span[class*="dyn-rule-"]', { hasText: exactly(expected) })
      .first()
      .waitFor({ timeout: WAIT_MS });
    await screenshot(s.page, 'inlay-hints.png');
  });

  it('hovering Conv2D shows its shapes and the parameter formula', async () => {
    const conv = truth(SEED_TRUTH).models[0].layers[0];
    const line = s.editor().locator('.view-line', { hasText: 'Conv2D(12' });
    assert.strictEqual(await lineOf(line.locator('span').first()), conv.line);
    await line
      .locator('span', { hasText: /^Conv2D$/ })
      .first()
      .hover();
    const hover = s.page
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
    await screenshot(s.page, 'hover.png');
  });
}
