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

type Collect = (options: { type: 'minor' }) => void;

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
