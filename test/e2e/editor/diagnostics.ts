/**
 * A broken file's error squiggle (its hover, its Problems row), and the seed's channels-first warning
 * cured from the light-bulb menu.
 */

import * as assert from 'assert';
import * as path from 'path';
import {
  EditorSession,
  cliFindings,
  exactly,
  lineOf,
  pyShape,
  screenshot,
  text,
  truth,
  BROKEN,
  CHANNELS_FIRST,
  SEED_TRUTH,
  WAIT_MS,
} from './harness';

export function diagnosticTests(s: EditorSession): void {
  it('squiggles a broken file on the line where Keras raises, with the message in the hover and the Problems panel', async () => {
    const program = truth(BROKEN);
    assert.ok(program.error, `${BROKEN} is a failing program`);
    const errors = cliFindings(path.join(s.workspace, `${BROKEN}.py`)).filter((f) => f.severity === 'error');
    assert.strictEqual(errors.length, 1, JSON.stringify(errors));
    const [error] = errors;
    assert.strictEqual(error.line, program.error.line);

    await s.page.keyboard.press('Escape');
    await s.page.mouse.move(5, 400);
    await s.page.keyboard.press('Control+B');
    await s.page.locator('.part.sidebar').waitFor({ state: 'visible', timeout: WAIT_MS });
    await s.page.locator('.explorer-folders-view .monaco-list-row', { hasText: `${BROKEN}.py` }).click();
    await s.page.locator('.tabs-container .tab.active', { hasText: `${BROKEN}.py` }).waitFor({ timeout: WAIT_MS });
    await s.editor().locator('.view-lines', { hasText: 'forgot to reshape' }).waitFor({ timeout: WAIT_MS });

    const squiggles = s.editor().locator('.view-overlays .cdr.squiggly-error');
    await squiggles.first().waitFor({ timeout: WAIT_MS });
    const lines = new Set<number>();
    for (const squiggle of await squiggles.all()) lines.add(await lineOf(squiggle));
    assert.deepStrictEqual([...lines], [program.error.line]);

    // Hover on the squiggled call: the diagnostic's message.
    await s
      .editor()
      .locator('.view-line', { hasText: 'model.add(LSTM(' })
      .locator('span', { hasText: /^LSTM$/ })
      .first()
      .hover();
    const marker = s.page
      .locator('.monaco-hover:not(.hidden) .marker.hover-contents', { hasText: error.message })
      .first();
    await marker.waitFor({ timeout: WAIT_MS });
    assert.ok(text(await marker.innerText()).includes(error.message));

    // The Problems panel lists it at its line and column.
    await s.page.mouse.move(5, 400);
    await s.page.keyboard.press('Escape');
    await s.page.keyboard.press('Control+Shift+M');
    const row = s.page.locator('.markers-panel .monaco-list-row[aria-level="2"]', { hasText: error.message }).first();
    await row.waitFor({ timeout: WAIT_MS });
    assert.strictEqual(
      text(await row.locator('.marker-line').textContent()),
      `[Ln ${error.line}, Col ${error.column}]`,
    );
    assert.match(String(await row.getAttribute('aria-label')), /^Error: /);
    await screenshot(s.page, 'broken-file.png');
  });

  it("applies the seed's channels-first quick fix from the light-bulb menu, and the warning goes", async () => {
    const file = path.join(s.workspace, CHANNELS_FIRST);
    const [warning] = cliFindings(file).filter((f) => f.code === 'channels-first-input');
    assert.ok(warning, `${CHANNELS_FIRST} has the channels-first warning`);
    const conv = truth(SEED_TRUTH).models[0].layers[0];
    // The Problems panel (focused by the test above) closes; it is opened again at the end.
    await s.page.keyboard.press('Escape');
    await s.page.keyboard.press('Control+Shift+M');
    await s.page.locator('.markers-panel').waitFor({ state: 'hidden', timeout: WAIT_MS });
    await s.page.mouse.move(5, 400);
    await s.openFromExplorer(CHANNELS_FIRST, 'class Model2');
    await s.editor().locator('.view-line', { hasText: 'import numpy' }).click();
    await s.page.keyboard.press('Control+Home');
    await s.page.keyboard.press('Control+B');
    await s.page.locator('.part.sidebar').waitFor({ state: 'hidden', timeout: WAIT_MS });
    // The lines of the squiggles, read again while the editor re-renders under them.
    const warnedLines = async (): Promise<number[]> => {
      for (;;) {
        const lines: number[] = [];
        for (const squiggle of await s.editor().locator('.view-overlays .cdr.squiggly-warning').all())
          lines.push(await lineOf(squiggle));
        if (!lines.some(Number.isNaN)) return lines;
        await s.page.waitForTimeout(100);
      }
    };
    await s.editor().locator('.view-overlays .cdr.squiggly-warning').first().waitFor({ timeout: WAIT_MS });
    assert.ok((await warnedLines()).includes(warning.line));
    // The cursor on the warning: the light bulb shows; its menu lists the fixes.
    await s.goToLine(warning.line, warning.column);
    const bulb = s.page.locator('.lightBulbWidget .codicon, .codicon-lightbulb-autofix, .codicon-lightbulb').first();
    await bulb.waitFor({ timeout: WAIT_MS });
    await bulb.click();
    const menu = s.page.locator('.action-widget');
    const fix = menu.locator('.monaco-list-row', { hasText: 'Give the input channels-last: (15, 15, 20)' }).first();
    await fix.waitFor({ timeout: WAIT_MS });
    const titles = (await menu.locator('.monaco-list-row .title').allTextContents()).map((t: string) => text(t));
    assert.ok(
      titles.some((t: string) => t.startsWith('Keep the data channels-first: data_format="channels_first"')),
      JSON.stringify(titles),
    );
    assert.ok(titles[0].includes('np.transpose(x, (0, 2, 3, 1))'), JSON.stringify(titles));
    await screenshot(s.page, 'quick-fix.png');
    await fix.click();
    // The shape written channels-last: the warning is gone, and the layer has the shapes Keras built for the seed.
    await s.editor().locator('.view-line', { hasText: 'input_shape=(15, 15, 20)' }).waitFor({ timeout: WAIT_MS });
    await s
      .editor()
      .locator('.view-line span[class*="dyn-rule-"]', { hasText: exactly(`→ ${pyShape(conv.output_shape!)}`) })
      .first()
      .waitFor({ timeout: WAIT_MS });
    const deadline = Date.now() + WAIT_MS;
    while ((await warnedLines()).includes(warning.line)) {
      if (Date.now() > deadline) throw new Error(`the warning stays on line ${warning.line}`);
      await s.page.waitForTimeout(100);
    }
    await screenshot(s.page, 'quick-fix-applied.png');
    await s.page.keyboard.press('Control+Z');
    await s.editor().locator('.view-line', { hasText: 'input_shape=(20, 15, 15)' }).waitFor({ timeout: WAIT_MS });
    await s.page.keyboard.press('Control+B');
    await s.page.locator('.part.sidebar').waitFor({ state: 'visible', timeout: WAIT_MS });
    await s.page.keyboard.press('Control+Shift+M');
    await s.page.locator('.markers-panel').waitFor({ state: 'visible', timeout: WAIT_MS });
  });
}
