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

export type Collect = (options?: { type: 'minor' | 'major' }) => void;

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

/**
 * How far the old generation may grow past what the last full collection left alive before the
 * next edit collects it. Analyses that outlive a young collection or two (a large file's, or any
 * analysis while edits come faster than the young generation fills) are promoted, and V8 lets the
 * old generation grow to several times its live size, up to gigabytes, before collecting it: under
 * a stream of edits with no idle moment, hundreds of megabytes of dead analyses stayed resident.
 */
const OLD_GROWTH = 64 * 1024 * 1024;

/** Bytes used by the heap outside the young generation. */
export function oldGenerationUsed(): number {
  let used = 0;
  for (const s of v8.getHeapSpaceStatistics()) if (!s.space_name.startsWith('new_')) used += s.space_used_size;
  return used;
}

/**
 * Collects the whole heap if the old generation grew by `OLD_GROWTH` since the last full
 * collection: called when an edit has just dropped an analysis. A full collection of the live
 * heap (the open documents' syntax and analyses) costs tens of milliseconds, at most once per
 * `OLD_GROWTH` of promoted garbage.
 */
export function collectOldGarbageIfGrown(): void {
  if (collect) oldGenerationWatch.check(collect);
}

/** A text this long (characters) leaves an analysis of hundreds of megabytes behind when an edit drops it. */
export const LARGE_TEXT_CHARS = 512 * 1024;

/**
 * Collects the whole heap now: an edit has just dropped the analysis of a very long text (a
 * pathological document, hundreds of megabytes while it lived). Waiting for the old generation to
 * grow would measure the growth from a collection made while that analysis was alive, and let
 * the garbage of the edits after it pile up on top of it.
 */
export function collectOldGarbageNow(): void {
  if (collect) oldGenerationWatch.collected(collect);
}

/** Collects the whole heap each time the old generation grew by `growth` since the last full collection. */
export class OldGenerationWatch {
  /** The old generation's size after the last full collection made here. */
  private afterMajor = 0;

  constructor(
    private readonly used: () => number = oldGenerationUsed,
    private readonly growth = OLD_GROWTH,
  ) {}

  /** Collects now if the old generation grew past the bound; true if it did. */
  check(collect: Collect): boolean {
    if (this.used() <= this.afterMajor + this.growth) return false;
    this.collected(collect);
    return true;
  }

  /** Makes a full collection and records what it left. */
  collected(collect: Collect): void {
    // Without options: Node 20's `gc({ type: 'major' })` leaves the sweeping to V8's threads, and the
    // old generation's figure just after it still counts what died (in one fuzz run 184 MB where 22
    // lived), so the growth was measured from there; `gc()` finishes the collection before returning.
    collect();
    this.afterMajor = this.used();
  }
}

const oldGenerationWatch = new OldGenerationWatch();

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
      oldGenerationWatch.collected(collect);
    }, IDLE_MS);
    idle.unref();
  }
}
