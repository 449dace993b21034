/** The display language zh-cn: the channels-first warning, the hover and the command title in Chinese. */

import * as assert from 'assert';
import * as path from 'path';
import {
  EditorSession,
  cliFindings,
  hoverUntil,
  lineOf,
  screenshot,
  text,
  CHANNELS_FIRST,
  FIRST_PAINT_MS,
  WAIT_MS,
} from './harness';

export function chineseTests(s: EditorSession): void {
  it('shows the seed’s channels-first warning in Chinese, in the hover and the Problems panel', async () => {
    const [warning] = cliFindings(path.join(s.workspace, CHANNELS_FIRST)).filter(
      (f) => f.code === 'channels-first-input',
    );
    await s.editor().locator('.view-lines', { hasText: 'class Model2' }).waitFor({ timeout: FIRST_PAINT_MS });
    const squiggle = s.editor().locator('.view-overlays .cdr.squiggly-warning').first();
    await squiggle.waitFor({ timeout: FIRST_PAINT_MS });
    assert.strictEqual(await lineOf(squiggle), warning.line);
    await s.page.keyboard.press('Control+B');
    await s.page.locator('.part.sidebar').waitFor({ state: 'hidden', timeout: WAIT_MS });
    await s.page.mouse.move(5, 400);
    const inputShape = s
      .editor()
      .locator('.view-line', { hasText: 'input_shape=(20, 15, 15)' })
      .locator('span', { hasText: /^input_shape$/ })
      .first();
    const marker = s.page.locator('.monaco-hover:not(.hidden) .marker.hover-contents', { hasText: '通道' }).first();
    await hoverUntil(s.page, inputShape, marker);
    const shown = text(await marker.innerText());
    assert.ok(shown.includes('Keras 把这个输入读作（批次, 行=20, 列=15, 通道=15）：通道在最后。'), shown);
    assert.ok(shown.includes('data_format="channels_first"'), shown);
    await s.page.mouse.move(5, 400);
    await s.page.keyboard.press('Escape');
    await s.page.keyboard.press('Control+Shift+M');
    const row = s.page.locator('.markers-panel .monaco-list-row[aria-level="2"]', { hasText: '通道在最后' }).first();
    await row.waitFor({ timeout: WAIT_MS });
    assert.strictEqual(
      text(await row.locator('.marker-line').textContent()),
      `[Ln ${warning.line}, Col ${warning.column}]`,
    );
    await hoverUntil(s.page, inputShape, marker);
    await screenshot(s.page, 'zh-cn-diagnostic.png');
  });

  it('hovers Conv2D in Chinese: the axes named, the parameter formula, the shapes as Keras prints them', async () => {
    await s.page.mouse.move(5, 400);
    await s.page.keyboard.press('Escape');
    await s
      .editor()
      .locator('.view-line', { hasText: 'Conv2D(12' })
      .locator('span', { hasText: /^Conv2D$/ })
      .first()
      .hover();
    const hover = s.page
      .locator('.monaco-hover:not(.hidden) .markdown-hover .rendered-markdown', { hasText: '参数' })
      .first();
    await hover.waitFor({ timeout: WAIT_MS });
    const shown = text(await hover.innerText());
    assert.match(shown, /^Conv2D conv2d/);
    assert.ok(shown.includes('输出：(None, 20, 15, 12) — 批次=None, 行=20, 列=15, 通道=12'), shown);
    assert.ok(/参数：\(3·3·15 \+ 1\)·12 = 1,632 — 可训练 1,632，不可训练 0/.test(shown), shown);
    await screenshot(s.page, 'zh-cn-hover.png');
  });

  it('titles the command in Chinese from package.nls.zh-cn.json', async () => {
    await s.page.mouse.move(5, 400);
    await s.page.keyboard.press('Escape');
    await s.page.keyboard.press('F1');
    const input = s.page.locator('.quick-input-widget .quick-input-box input');
    await input.waitFor({ timeout: WAIT_MS });
    await input.fill('>Shape Lens');
    await s.page
      .locator('.quick-input-widget .monaco-list-row', { hasText: 'Shape Lens: 显示模型摘要' })
      .first()
      .waitFor({ timeout: WAIT_MS });
    await s.page.keyboard.press('Escape');
  });
}
