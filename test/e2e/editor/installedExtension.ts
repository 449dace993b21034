/** The extension as installed: its page shows the package's own README, and one extension host ran one server. */

import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { REPO_ROOT } from '../../helpers/truth';
import { EditorSession, screenshot, WAIT_MS } from './harness';

export function installedExtensionTests(s: EditorSession): void {
  it("shows the package's own README on the extension page, with no broken image", async () => {
    // Only the extension page's webview is open then (not the model view's).
    await s.page.keyboard.press('Escape');
    await s.runCommand('View: Close All Editors');
    await s.runCommand('Extensions: Show Installed Extensions');
    await s.page
      .locator('.extensions-viewlet .monaco-list-row', { hasText: 'Shape Lens' })
      .first()
      .click({ timeout: WAIT_MS });
    await s.page.locator('.extension-editor').waitFor({ timeout: WAIT_MS });
    // The README is a webview, laid over the editor outside its DOM; with the editors closed, the only one.
    const readme = s.page
      .locator('iframe.webview.ready')
      .first()
      .contentFrame()
      .locator('#active-frame')
      .contentFrame();
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
    await screenshot(s.page, 'extension-s.page.png', { readme: false });
  });

  it('ran one extension host and one language server', () => {
    const logs = path.join(s.server!.userDataDir, 'logs');
    const hostLogs = fs
      .readdirSync(logs, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('remoteexthost.log'))
      .map((f) => fs.readFileSync(path.join(logs, f), 'utf8'));
    const started = hostLogs.join('\n').match(/Extension host with pid \d+ started/g) ?? [];
    assert.strictEqual(started.length, 1, `extension hosts started: ${started.length}`);
    const activated = hostLogs.join('\n').match(/ExtensionService#_doActivateExtension shape-lens\.shape-lens/g) ?? [];
    assert.strictEqual(activated.length, 1, `Shape Lens activations: ${activated.length}`);
  });
}
