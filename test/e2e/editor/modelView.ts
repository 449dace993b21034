/**
 * The model view beside the editor: the seed drawn (a box per tensor with its shape and axes, a label per
 * layer, the summary table), the U-Net's skip connections as Keras connects them, the view following the
 * cursor to the file's other model and redrawing after an edit. Read from the webview's DOM.
 */

import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import {
  EditorSession,
  seconds,
  connections,
  exactly,
  pyShape,
  screenshot,
  text,
  truth,
  Locator,
  TruthLayer,
  SEED,
  SEED_TRUTH,
  UNET,
  UNET_TRUTH,
  WAIT_MS,
} from './harness';

/** The model view's page: the webview's iframe, and the page inside it. */
const view = (s: EditorSession): Locator =>
  s.page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');

interface DrawnBox {
  shape: string;
  axes: string[];
  tag: string;
  y: number;
}

/** The tensor boxes the view drew, top to bottom: the shape text, the axis names, the input/output tag. */
async function drawnBoxes(s: EditorSession): Promise<DrawnBox[]> {
  const boxes: DrawnBox[] = [];
  for (const g of await view(s).locator('svg.flow g.tensor').all()) {
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
async function drawnLayers(s: EditorSession): Promise<string[]> {
  const out: Array<[number, string]> = [];
  for (const g of await view(s).locator('svg.flow g.layer').all())
    out.push([(await g.boundingBox()).y, text(await g.locator('text').first().textContent())]);
  return out.sort((a, b) => a[0] - b[0]).map(([, t]) => t);
}

const layerLabel = (l: TruthLayer): string =>
  `${l.class} ${l.name}${l.params ? ` · ${l.params.toLocaleString('en-US')} param${l.params === 1 ? '' : 's'}` : ''}`;

/** Lets the page settle (the drawing of a new answer replaces the old) before a screenshot. */
async function viewShows(s: EditorSession, model: string): Promise<void> {
  await view(s)
    .locator('.toolbar .title', { hasText: exactly(model) })
    .waitFor({ timeout: WAIT_MS });
  await view(s).locator('svg.flow g.tensor').first().waitFor({ timeout: WAIT_MS });
}

export function modelViewTests(s: EditorSession): void {
  it('Show Model Summary draws the seed model beside the editor: a box per tensor with its shape and axes, a label per layer', async () => {
    const model = truth(SEED_TRUTH).models[0];
    await s.page.keyboard.press('Escape');
    await s.page.keyboard.press('Control+Shift+M'); // the Problems panel, opened above, closes
    await s.page.locator('.markers-panel').waitFor({ state: 'hidden', timeout: WAIT_MS });
    await s.openFromExplorer(SEED, 'class Model2');
    await s.goToLine(model.layers[0].line);
    await s.runCommand('Shape Lens: Show Model Summary');
    await viewShows(s, model.name);
    s.timings.modelView = seconds(Date.now() - s.gotoAt);

    const boxes = await drawnBoxes(s);
    // The input, then each layer's output as Keras printed it, in order down the chain.
    assert.deepStrictEqual(
      boxes.slice(1).map((b) => b.shape),
      model.layers.map((l) => pyShape(l.output_shape!)),
    );
    assert.strictEqual(boxes[0].tag, 'input');
    assert.strictEqual(boxes.at(-1)!.tag, 'output');
    assert.deepStrictEqual(boxes[1].axes, ['batch', 'rows', 'cols', 'channels']);
    assert.deepStrictEqual(await drawnLayers(s), model.layers.map(layerLabel));
    // The summary table beside it, and the layer on the cursor's line marked.
    const rows = await view(s).locator('table.summary tbody tr').allTextContents();
    assert.deepStrictEqual(
      rows.map((r: string) => text(r)),
      model.layers.map((l) => `${l.name} (${l.class})${pyShape(l.output_shape!)}${l.params!.toLocaleString('en-US')}`),
    );
    assert.strictEqual(
      text(await view(s).locator('g.layer.current text').first().textContent()),
      layerLabel(model.layers[0]),
    );
    await s.editor().locator('.view-lines').click();
    await s.page.keyboard.press('Control+B');
    await s.page.locator('.part.sidebar').waitFor({ state: 'hidden', timeout: WAIT_MS });
    // The code from its left edge, the cursor on the first Conv2D (its label marked in the view).
    await s.goToLine(model.layers[0].line);
    await s.page.keyboard.press('Home');
    await s.scrolledToLeftEdge();
    await view(s).locator('g.layer.current').first().waitFor({ timeout: WAIT_MS });
    await screenshot(s.page, 'model-view-seed.png');
  });

  it('follows the editor to the U-Net: its skip connections drawn as Keras connects them', async () => {
    const [unet] = truth(UNET_TRUTH).models;
    await s.openFromExplorer(UNET, 'def build_unet');
    await viewShows(s, unet.name);
    const boxes = await drawnBoxes(s);
    // One tensor per rank from the input down: the rows' shapes in Keras's order.
    assert.deepStrictEqual(
      boxes.map((b) => b.shape),
      unet.layers.map((l) => pyShape(l.output_shape!)),
    );
    assert.deepStrictEqual(await drawnLayers(s), unet.layers.slice(1).map(layerLabel));
    // An arrow into each layer from each tensor it takes, and one out to the tensor it gives.
    const graph = connections('local/example_unet').find((m) => m.line === unet.line)!;
    const arrows = graph.connections.reduce((n, calls) => n + calls.reduce((k, c) => k + c.length + 1, 0), 0);
    assert.strictEqual(await view(s).locator('svg.flow path.arrow').count(), arrows);
    assert.strictEqual(
      graph.connections.filter((calls) => calls.some((c) => c.length === 2)).length,
      2,
      'two merges in the recording',
    );
    if (await s.page.locator('.part.sidebar').isVisible()) {
      await s.editor().locator('.view-lines').click();
      await s.page.keyboard.press('Control+B');
    }
    await s.goToLine(unet.layers[6].line);
    await s.page.keyboard.press('Home');
    await s.scrolledToLeftEdge();
    await view(s).locator('g.layer.current').first().waitFor({ timeout: WAIT_MS });
    // The whole U-Net at full size: a window tall enough for this picture.
    const drawing = await view(s).locator('svg.flow').boundingBox();
    await s.page.setViewportSize({ width: 1400, height: Math.min(1800, Math.ceil(drawing.y + drawing.height + 40)) });
    await view(s).locator('svg.flow g.tensor.output').waitFor({ timeout: WAIT_MS });
    await screenshot(s.page, 'model-view-unet.png');
    await s.page.setViewportSize({ width: 1400, height: 860 });
  });

  it('follows the cursor to the other model of the file, and redraws after an edit keeping its zoom', async () => {
    const classifier = truth(UNET_TRUTH).models[1];
    const merge = classifier.layers.find((l) => l.class === 'Concatenate')!;
    await s.goToLine(merge.line);
    await viewShows(s, classifier.name);
    const boxes = await drawnBoxes(s);
    const inputs = classifier.layers.filter((l) => l.class === 'InputLayer');
    assert.deepStrictEqual(
      boxes
        .filter((b) => b.tag.startsWith('input'))
        .map((b) => [b.tag, b.shape])
        .sort(),
      inputs.map((l) => [`input · ${l.name}`, pyShape(l.output_shape!)]).sort(),
    );
    assert.strictEqual(text(await view(s).locator('g.layer.current text').first().textContent()), layerLabel(merge));
    await view(s).locator('.zoom button[title="Zoom out"]').click();
    const zoom = text(await view(s).locator('.zoom-level').textContent());
    assert.notStrictEqual(zoom, '100%');

    // Rename the last layer in the source: the view redraws it, at the same zoom.
    const last = classifier.layers.at(-1)!;
    const source = fs.readFileSync(path.join(s.workspace, UNET), 'utf8').split('\n')[last.line - 1];
    const at = source.indexOf(`name="${last.name}"`);
    assert.ok(at >= 0, source);
    await s.goToLine(last.line, at + `name="${last.name}`.length + 1);
    await s.page.keyboard.type('_2');
    await view(s)
      .locator('svg.flow g.layer text', { hasText: `${last.class} ${last.name}_2` })
      .first()
      .waitFor({ timeout: WAIT_MS });
    assert.strictEqual(text(await view(s).locator('.zoom-level').textContent()), zoom);
    await s.page.keyboard.press('Control+Z');
    await view(s)
      .locator('svg.flow g.layer text', { hasText: exactly(layerLabel(last)) })
      .first()
      .waitFor({ timeout: WAIT_MS });
  });
}
