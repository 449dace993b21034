/**
 * Young-generation garbage collection at a moment of our choosing.
 *
 * Each analysis allocates a few megabytes, nearly all of which dies when the
 * next edit replaces it. V8 collects the young generation when it fills, which
 * can be in the middle of an analysis, when the half-built analysis is alive
 * and has to be copied: a pause of several milliseconds on the keystroke that
 * hits it. Right after an edit has dropped the previous analysis the young
 * generation holds almost only garbage, so collecting it then, when it is
 * close to full, is cheap, and the collection V8 would have made during the
 * next analysis does not happen.
 */

import * as v8 from 'v8';

type Collect = (options: { type: 'minor' | 'major' }) => void;

/** Node exposes the collector with `--expose-gc` (the VS Code client starts the server so); without it, V8 decides alone. */
const collect = (globalThis as { gc?: Collect }).gc;

/** Room an analysis of a large file may need in the young generation, in bytes. */
const HEADROOM = 8 * 1024 * 1024;

/** Collects the young generation now if the next analysis would likely fill it. */
export function collectYoungGarbageIfFull(): void {
  if (!collect) return;
  const young = v8.getHeapSpaceStatistics().find((s) => s.space_name === 'new_space');
  if (young && young.space_available_size < HEADROOM) collect({ type: 'minor' });
}

/** How long the server must have had nothing to do before it collects everything. */
const IDLE_MS = 300;
let idle: NodeJS.Timeout | undefined;

/**
 * Collects the whole heap once the server has been idle for a moment. V8 collects the old generation
 * only as it nears a limit that grows with the heap, so the analyses of documents gone cold (and of
 * every version before the current one) would otherwise stay in memory as garbage until then; at a
 * pause in the work, the collection costs nobody a wait.
 */
export function collectWhenIdle(): void {
  if (!collect) return;
  if (idle) idle.refresh();
  else {
    idle = setTimeout(() => {
      idle = undefined;
      collect({ type: 'major' });
    }, IDLE_MS);
    idle.unref();
  }
}
