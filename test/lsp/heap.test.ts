/**
 * The server's full collections under a stream of edits (`server/src/lsp/heap.ts`): the analyses
 * each edit drops are promoted to the old generation, which V8 lets grow to several times its live
 * size before collecting it, and the collection at idle never comes while edits keep coming. The
 * watch collects once the old generation grew by its bound since the last full collection, so the
 * garbage it holds stays bounded however many edits come, and costs no collection before that. Once
 * idle, the server collects until V8 shrinks the young generation it grew while busy.
 */

import * as assert from 'assert';
import { smallFile } from '../../scripts/bench-files';
import { OldGenerationWatch, type Collect } from '../../server/src/lsp/heap';
import { LspTestClient } from '../helpers/lspClient';

const MB = 1024 * 1024;

/** A heap whose old generation gains `perEdit` of garbage per edit over `live`, emptied by a full collection. */
function simulatedHeap(live: number, perEdit: number) {
  let used = live;
  const collections: string[] = [];
  // A full collection is `gc()` without options (Node's `{ type: 'major' }` leaves the sweeping undone).
  const collect: Collect = (options) => {
    const type = options?.type ?? 'full';
    collections.push(type);
    if (type === 'full') used = live;
  };
  return { used: () => used, edit: () => (used += perEdit), collect, collections };
}

describe('full collections under a stream of edits', () => {
  it('keeps the old generation within its bound over 1,000 edits, collecting once per bound of garbage', () => {
    const heap = simulatedHeap(80 * MB, 3 * MB);
    const watch = new OldGenerationWatch(heap.used, 64 * MB);
    let most = 0;
    for (let i = 0; i < 1000; i++) {
      heap.edit();
      watch.check(heap.collect);
      most = Math.max(most, heap.used());
    }
    assert.ok(most <= 80 * MB + 64 * MB + 3 * MB, `${most / MB} MB`);
    // 3,000 MB of garbage, one collection per 64 MB of it (the first edit collects what came before).
    assert.ok(heap.collections.length >= 40 && heap.collections.length <= 50, `${heap.collections.length}`);
    assert.ok(heap.collections.every((t) => t === 'full'));
  });

  it('makes no collection while the old generation grows less than its bound', () => {
    const heap = simulatedHeap(80 * MB, 1 * MB);
    const watch = new OldGenerationWatch(heap.used, 64 * MB);
    watch.collected(heap.collect);
    for (let i = 0; i < 60; i++) {
      heap.edit();
      assert.strictEqual(watch.check(heap.collect), false);
    }
    assert.deepStrictEqual(heap.collections, ['full']);
  });

  it('counts growth from what the last collection left alive, not from zero', () => {
    // The live heap grew (a large file opened): the bound moves with it, so edits do not collect each time.
    let used = 500 * MB;
    const collect: Collect = () => undefined;
    const watch = new OldGenerationWatch(() => used, 64 * MB);
    assert.strictEqual(watch.check(collect), true);
    used += 10 * MB;
    assert.strictEqual(watch.check(collect), false);
    used += 60 * MB;
    assert.strictEqual(watch.check(collect), true);
  });
});

describe('an idle server', function () {
  this.timeout(120000);

  it('gives the young generation back once idle, and answers the same after', async () => {
    const client = new LspTestClient(undefined, { SHAPE_LENS_STATS: '1' }, ['--max-semi-space-size=64', '--expose-gc']);
    await client.initialize();
    const young = async () =>
      ((await client.connection.sendRequest('shapeLens/stats')) as { youngGeneration: number }).youngGeneration;
    const uris: string[] = [];
    for (let k = 0; k < 80; k++) {
      const uri = `file:///idle/small-${k}.py`;
      uris.push(uri);
      await client.open(uri, smallFile(k));
      await client.hints(uri);
    }
    const grown = await young();
    assert.ok(grown >= 16 * MB, `the young generation grew to ${grown / MB} MB`);
    const before = await client.hints(uris[0]);
    // The stats request is not activity: the server stays idle while it is asked.
    let now = grown;
    for (let waited = 0; waited < 40 && now >= grown; waited++) {
      await new Promise((r) => setTimeout(r, 1000));
      now = await young();
    }
    assert.ok(now < grown / 4, `${now / MB} MB of ${grown / MB} MB`);
    assert.deepStrictEqual(await client.hints(uris[0]), before);
    await client.shutdown();
  });
});
