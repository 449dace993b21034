/** A notebook in VS Code's notebook editor: a later cell's Dense gets the shape the earlier cells' model gives it. */

import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { LOCAL_TRUTH } from '../../helpers/truth';
import {
  EditorSession,
  exactly,
  pyShape,
  screenshot,
  text,
  FIRST_PAINT_MS,
  NOTEBOOK,
  TruthProgram,
  WAIT_MS,
} from './harness';

export function notebookTests(s: EditorSession): void {
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
    await s.editor().locator('.view-lines').first().click();
    await s.page.keyboard.press('Control+P');
    const input = s.page.locator('.quick-input-widget .quick-input-box input');
    await input.waitFor({ timeout: WAIT_MS });
    await input.fill(NOTEBOOK);
    await s.page
      .locator('.quick-input-widget .monaco-list-row', { hasText: NOTEBOOK })
      .first()
      .waitFor({ timeout: WAIT_MS });
    await s.page.keyboard.press('Enter');
    await s.page.locator('.tabs-container .tab.active', { hasText: NOTEBOOK }).waitFor({ timeout: WAIT_MS });
    // VS Code's built-in ipynb serializer opens it in the notebook editor, one code editor per cell.
    const cellEditor = s.page
      .locator('.notebook-editor .cell-editor-container .monaco-editor')
      .filter({ has: s.page.locator('.view-lines', { hasText: code.slice(0, 20) }) })
      .first();
    // The notebook editor renders only the cells on screen: scroll down until the Dense's cell is there.
    const firstCode = s.page
      .locator('.notebook-editor .cell-editor-container .monaco-editor')
      .filter({ visible: true });
    await firstCode.first().waitFor({ timeout: WAIT_MS });
    await firstCode.first().hover();
    for (let i = 0; i < 30 && !(await cellEditor.isVisible()); i++) {
      await s.page.mouse.wheel(0, 150);
      await s.page.waitForTimeout(200);
    }
    await cellEditor.waitFor({ timeout: WAIT_MS });
    const expected = `→ ${pyShape(dense.output_shape!)}`;
    const hint = cellEditor.locator('.view-line span[class*="dyn-rule-"]', { hasText: exactly(expected) }).first();
    await hint.waitFor({ timeout: FIRST_PAINT_MS });
    // On the Dense's own line of its cell.
    const row = await hint.evaluate((e: any) => e.closest('.view-line').textContent);
    assert.ok(text(row).includes(code.slice(0, 20)), row);
    // For the picture: the Dense's cell up from the bottom edge, the earlier Conv2D cells above it.
    await s.page.mouse.wheel(0, 250);
    await s.page.waitForTimeout(500);
    await hint.waitFor({ timeout: WAIT_MS });
    await s.page.mouse.move(0, 0);
    await screenshot(s.page, 'notebook.png');
  });
}
