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
/**
 * How long after that collection, still idle, the server collects once more so that V8 gives the young
 * generation's memory back. V8 shrinks the young generation only at a full collection that finds the
 * allocation of the last 5 seconds low (under 1 MB/s): the collection at `IDLE_MS` comes too soon after
 * the edits, and then none comes at all. The young generation is what most of an idle server's memory
 * is (`--max-semi-space-size=64`: up to 128 MB, touched once it grew, of some 250 MB with 200 files open);
 * the first edit after the pause grows it again as it needs.
 */
const SHRINK_AFTER_IDLE_MS = 6000;
let idle: NodeJS.Timeout | undefined;
let shrink: NodeJS.Timeout | undefined;

/**
 * Collects the whole heap once the server has been idle for a moment. V8 collects the old generation
 * only as it nears a limit that grows with the heap, so the analyses of documents gone cold (and of
 * every version before the current one) would otherwise stay in memory as garbage until then; at a
 * pause in the work, the collection costs nobody a wait. Still idle `SHRINK_AFTER_IDLE_MS` later, it
 * collects once more, and V8 then shrinks the young generation.
 */
export function collectWhenIdle(): void {
  if (!collect) return;
  if (shrink) {
    clearTimeout(shrink);
    shrink = undefined;
  }
  if (idle) idle.refresh();
  else {
    idle = setTimeout(() => {
      idle = undefined;
      oldGenerationWatch.collected(collect);
      shrinkWhenStillIdle(collect, SHRINK_ATTEMPTS);
    }, IDLE_MS);
    idle.unref();
  }
}

/**
 * Collections made to shrink the young generation before the server stops trying until its next
 * activity. V8 decides from its allocation figures: one where nothing at all was allocated since the
 * last collection counts as no figure, and the young generation then stays as it is.
 */
const SHRINK_ATTEMPTS = 3;

/** The wait between two of those collections, in ms. */
const SHRINK_RETRY_MS = 6000;

function shrinkWhenStillIdle(collect: Collect, attempts: number, wait = SHRINK_AFTER_IDLE_MS): void {
  shrink = setTimeout(() => {
    shrink = undefined;
    const before = youngGenerationSize();
    oldGenerationWatch.collected(collect);
    if (youngGenerationSize() >= before && attempts > 1) shrinkWhenStillIdle(collect, attempts - 1, SHRINK_RETRY_MS);
  }, wait);
  shrink.unref();
}

/** The young generation's size (both halves), in bytes. */
export function youngGenerationSize(): number {
  return v8.getHeapSpaceStatistics().find((s) => s.space_name === 'new_space')?.space_size ?? 0;
}
