/** The hover over `fit` on channels-first data: Keras's error with the transpose that cures it, and the model against the data. */

import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import {
  EditorSession,
  cliFindings,
  lineOf,
  screenshot,
  text,
  truth,
  DATA_SEED,
  DATA_SEED_TRUTH,
  WAIT_MS,
} from './harness';

export function dataHoverTests(s: EditorSession): void {
  it('hovering fit on channels-first data: Keras’s error with the transpose that cures it, and the model against the data', async () => {
    const program = truth(DATA_SEED_TRUTH);
    assert.strictEqual(
      fs.readFileSync(`${DATA_SEED_TRUTH}.py`, 'utf8'),
      fs.readFileSync(path.join(s.workspace, `${DATA_SEED}.py`), 'utf8'),
    );
    const [error] = cliFindings(path.join(s.workspace, `${DATA_SEED}.py`)).filter((f) => f.severity === 'error');
    assert.strictEqual(error?.line, program.error!.line);
    assert.ok(error.message.includes('np.transpose(X, (0, 2, 3, 1))'), error.message);
    await s.page.keyboard.press('Escape');
    // A taller window for this picture: VS Code gives a hover a quarter of the editor's height (250 px at least).
    await s.page.setViewportSize({ width: 1400, height: 1400 });
    await s.runCommand('View: Close All Editors');
    await s.runCommand('View: Show Explorer');
    await s.page
      .locator('.explorer-folders-view .monaco-list-row', { hasText: `${DATA_SEED}.py` })
      .first()
      .click();
    await s.page.locator('.tabs-container .tab.active', { hasText: `${DATA_SEED}.py` }).waitFor({ timeout: WAIT_MS });
    await s.editor().locator('.view-lines', { hasText: 'band first' }).waitFor({ timeout: WAIT_MS });
    const squiggle = s.editor().locator('.view-overlays .cdr.squiggly-error').first();
    await squiggle.waitFor({ timeout: WAIT_MS });
    assert.strictEqual(await lineOf(squiggle), program.error!.line);
    await s.page.keyboard.press('Control+B');
    await s.page.locator('.part.sidebar').waitFor({ state: 'hidden', timeout: WAIT_MS });
    // The mouse on the `f` of `fit` (the token may share its span with `model.`): monospace, so by its offset.
    const fitSpan = s
      .editor()
      .locator('.view-line', { hasText: 'model.fit(' })
      .locator('span', { hasText: 'fit' })
      .last();
    const spanText = text(await fitSpan.textContent());
    const box = await fitSpan.boundingBox();
    const charWidth = box.width / spanText.length;
    await s.page.mouse.move(box.x + (spanText.indexOf('fit') + 1.5) * charWidth, box.y + box.height / 2);
    const table = s.page.locator('.monaco-hover:not(.hidden) .rendered-markdown', { hasText: 'model input' }).first();
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
    const marker = s.page.locator('.monaco-hover:not(.hidden) .marker.hover-contents', { hasText: 'np.transpose' });
    await marker.first().waitFor({ timeout: WAIT_MS });
    assert.ok(text(await marker.first().innerText()).includes('np.transpose(X, (0, 2, 3, 1))'));
    // For the picture: the hover scrolled to its table, the transpose still in sight above it.
    const widget = s.page.locator('.monaco-hover:not(.hidden)').first();
    const hb = await widget.boundingBox();
    await s.page.mouse.move(hb.x + hb.width / 2, hb.y + 8);
    await s.page.mouse.move(hb.x + hb.width / 2, hb.y + hb.height / 2);
    const tableInSight = (): Promise<boolean> =>
      s.page.evaluate(() => {
        const hover = (globalThis as any).document.querySelector('.monaco-hover:not(.hidden)');
        const rows = hover?.querySelectorAll('tr');
        if (!rows?.length) return false;
        return rows[rows.length - 1].getBoundingClientRect().bottom <= hover.getBoundingClientRect().bottom + 1;
      });
    const transposeInSight = (): Promise<boolean> =>
      s.page.evaluate(() => {
        const hover = (globalThis as any).document.querySelector('.monaco-hover:not(.hidden)');
        const marker = hover?.querySelector('.marker.hover-contents');
        return !!marker && marker.getBoundingClientRect().bottom - 20 >= hover.getBoundingClientRect().top;
      });
    for (let i = 0; i < 20 && !(await tableInSight()); i++) {
      await s.page.mouse.wheel(0, 30);
      await s.page.waitForTimeout(150);
    }
    assert.ok(await tableInSight(), 'the table scrolled into the hover');
    assert.ok(await transposeInSight(), 'the transpose still in the hover');
    await screenshot(s.page, 'data-hover.png');
    await s.page.mouse.move(5, 400);
    await s.page.keyboard.press('Escape');
    await s.page.setViewportSize({ width: 1400, height: 860 });
  });
}
